package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.ManagementEndpoint;
import io.liaison.gateway.interfaces.management.ManagementSettings;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code serve}: run the gateway until stopped. */
@Command(name = "serve", description = "Run the gateway until stopped: resumes and retries stored deliveries.")
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Mixin
    GatewayOptions options = new GatewayOptions();

    @Override
    public Integer call() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // The JVM halts once its shutdown hooks return: this one waits until the gateway has closed
        // (routes stopped, journals and database closed), within the same bound as Camel's own stop.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gateway-stop"));
        GatewaySettings settings = options.settings();
        // Checked before anything starts: a management host off loopback is refused here, naming the setting.
        Optional<ManagementSettings> management = ManagementEndpoint.settings(settings);
        // A bad gateway.http.* or gateway.console.* setting (or a missing OIDC client secret) stops the start here, naming it.
        io.liaison.gateway.app.HttpDoors.consoleLogin(settings, io.liaison.gateway.app.HttpDoors.settings(settings));
        try (Gateway gateway = Gateway.builder(settings).start();
             ManagementEndpoint endpoint = ManagementEndpoint.start(management, gateway);
             io.liaison.gateway.app.HttpDoors.Served served = io.liaison.gateway.app.HttpDoors.serve(gateway, settings)) {
            endpoint.announce(System.out);
            ReloadOnHangup.install(gateway.directoryReloader());
            io.liaison.gateway.interfaces.http.GatewayHttpServer http = served.http();
            System.out.println("API: " + http.baseUrl() + "/api/v1/ (OpenAPI: " + http.baseUrl() + "/api/openapi.json)");
            // the file's path only: the token is in the file, readable by this user alone
            served.admin().ifPresent(a -> System.out.println("local administrator token (token create|list|revoke on this host): "
                    + a.path()));
            System.out.println("gateway running; stop with Ctrl-C");
            stop.await();
        } finally {
            closed.countDown();
        }
        return ExitCodes.OK;
    }
}
