package io.liaison.gateway.app;

import io.liaison.gateway.directory.DirectoryReloader;
import io.liaison.gateway.interfaces.management.ManagementServer;
import io.liaison.gateway.interfaces.management.ManagementSettings;
import io.liaison.gateway.metrics.Observability;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The management endpoint as {@code serve} and {@code demo --console} run it: started when
 * {@code gateway.management.port} is not {@code off}, announced with the full {@code /metrics} URL, closed with
 * the command.
 */
public final class ManagementEndpoint implements AutoCloseable {
    private final Optional<ManagementServer> server;

    private ManagementEndpoint(Optional<ManagementServer> server) {
        this.server = server;
    }

    /**
     * The management settings, checked: call before the gateway starts, so a non-loopback host is refused first.
     *
     * @throws GatewaySettings.SettingsException naming the setting
     */
    public static Optional<ManagementSettings> settings(GatewaySettings settings) {
        try {
            return ManagementSettings.parse(settings.optional(ManagementSettings.HOST).orElse(""),
                    settings.optional(ManagementSettings.PORT).orElse("off"),
                    settings.strictFlag(ManagementSettings.ALLOW_NON_LOOPBACK));
        } catch (ManagementSettings.ManagementSettingsException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
    }

    public static ManagementEndpoint start(Optional<ManagementSettings> settings, Observability observability)
            throws IOException {
        return start(settings, observability, Optional.empty());
    }

    /** @param reloader serves {@code POST /directory/reload} for {@code directory reload}; empty = not served */
    public static ManagementEndpoint start(Optional<ManagementSettings> settings, Observability observability,
                                           Optional<DirectoryReloader> reloader) throws IOException {
        return new ManagementEndpoint(settings.isEmpty() ? Optional.empty()
                : Optional.of(ManagementServer.start(settings.get(), observability, reloader)));
    }

    /** Both, for {@code serve}: metrics, health and the directory reload. */
    public static ManagementEndpoint start(Optional<ManagementSettings> settings, Gateway gateway) throws IOException {
        return start(settings, gateway.observability(), Optional.of(gateway.directoryReloader()));
    }

    /** One line an operator can paste into Prometheus' scrape configuration. */
    public void announce(PrintStream out) {
        server.ifPresentOrElse(
                s -> out.println("management: metrics at " + s.metricsUrl() + ", health at " + s.address().resolve("health/ready")
                        + " and " + s.address().resolve("health/live")),
                () -> out.println("management: off (" + ManagementSettings.PORT + "=off)"));
    }

    public Optional<ManagementServer> server() {
        return server;
    }

    @Override
    public void close() {
        server.ifPresent(ManagementServer::close);
    }
}
