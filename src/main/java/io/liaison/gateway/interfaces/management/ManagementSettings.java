package io.liaison.gateway.interfaces.management;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the management endpoint listens. It serves health and metrics without authentication, so it binds
 * to loopback unless {@code gateway.management.allow-non-loopback=true} says otherwise: a host that is not a
 * loopback address is refused at start, naming the setting.
 *
 * @param address the address to bind
 * @param port    the port; 0 = a free port the system picks (tests, a second gateway on one host)
 */
public record ManagementSettings(InetAddress address, int port) {
    public static final String HOST = "gateway.management.host";
    public static final String PORT = "gateway.management.port";
    public static final String ALLOW_NON_LOOPBACK = "gateway.management.allow-non-loopback";

    /**
     * Reads the three settings' values. {@code port} "off" (or empty) means no management endpoint.
     *
     * @throws ManagementSettingsException naming the setting that is wrong
     */
    public static Optional<ManagementSettings> parse(String host, String port, boolean allowNonLoopback) {
        String p = port == null ? "" : port.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty() || p.equals("off")) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new ManagementSettingsException(PORT, "'" + port + "' is not a port number, 0 or off");
        }
        if (number < 0 || number > 65535) {
            throw new ManagementSettingsException(PORT, number + " is outside 0-65535");
        }
        if (host == null || host.isBlank()) {
            throw new ManagementSettingsException(HOST, "is empty (127.0.0.1 keeps the endpoint on this host)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host.strip());
        } catch (UnknownHostException e) {
            throw new ManagementSettingsException(HOST, "'" + host + "' does not resolve");
        }
        if (!address.isLoopbackAddress() && !allowNonLoopback) {
            throw new ManagementSettingsException(HOST, "'" + host + "' (" + address.getHostAddress()
                    + ") is not a loopback address; health and metrics are served without authentication, so the"
                    + " endpoint stays on loopback unless " + ALLOW_NON_LOOPBACK + "=true (then put a firewall or an"
                    + " authenticating proxy in front of it)");
        }
        return Optional.of(new ManagementSettings(address, number));
    }

    /** A management setting that cannot be used; the message names the setting. */
    public static final class ManagementSettingsException extends IllegalArgumentException {
        private final String setting;

        public ManagementSettingsException(String setting, String problem) {
            super("setting " + setting + ": " + problem);
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }
}
