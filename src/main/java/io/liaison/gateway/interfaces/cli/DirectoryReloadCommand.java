package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.ManagementEndpoint;
import io.liaison.gateway.interfaces.management.ManagementServer;
import io.liaison.gateway.interfaces.management.ManagementSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code directory reload}: asks the running {@code serve} (same {@code --config}) to read its directory file
 * again, through its management endpoint on loopback, and prints what it answered: the new directory in force,
 * or every problem with the old one kept. Exit 0 reloaded, 1 refused, 2 no gateway answering.
 */
@Command(name = "reload", description = "Make the running 'serve' read its directory again: swapped whole, or refused "
        + "whole naming every problem (the old one stays). Uses serve's management endpoint; kill -HUP <pid> does the same.")
final class DirectoryReloadCommand implements Callable<Integer> {
    @CommandLine.Mixin
    GatewayOptions options = new GatewayOptions();

    @Override
    public Integer call() throws InterruptedException {
        Optional<ManagementSettings> management = ManagementEndpoint.settings(options.settings());
        if (management.isEmpty() || management.get().port() == 0) {
            System.err.println("directory reload: " + ManagementSettings.PORT + " is "
                    + management.map(m -> "0 (a port chosen at each start)").orElse("off")
                    + "; set a fixed port, or send SIGHUP to the serve process (kill -HUP <pid>)");
            return ExitCodes.REFUSED;
        }
        String host = management.get().address().getHostAddress();
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + management.get().port()
                + ManagementServer.RELOAD_PATH);
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println("directory reload: no gateway answers at " + uri + " (" + e.getMessage()
                    + "); is 'serve' running with the same --config?");
            return ExitCodes.REFUSED;
        }
        switch (answer.statusCode()) {
            case 200 -> {
                System.out.print(answer.body());
                return ExitCodes.OK;
            }
            case 422 -> {
                System.err.print(answer.body());
                return ExitCodes.FAILED;
            }
            default -> {
                System.err.println("directory reload: " + uri + " answered " + answer.statusCode() + ": " + answer.body().strip());
                return ExitCodes.REFUSED;
            }
        }
    }
}
