package io.liaison.gateway.interfaces.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code api send|status|ack}: the acting commands as clients of a running {@code serve}, so they work
 * while it owns the database and the channels. The token comes from {@code LIAISON_API_TOKEN} or the file
 * {@code LIAISON_API_TOKEN_FILE} names, never from the command line; the server from {@code --url}.
 */
@Command(name = "api", description = "Act through a running gateway's API (token from LIAISON_API_TOKEN or LIAISON_API_TOKEN_FILE).",
        subcommands = {ApiClientCommand.Send.class, ApiClientCommand.Status.class, ApiClientCommand.Ack.class})
public final class ApiClientCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "LIAISON_API_TOKEN";
    static final String TOKEN_FILE_ENV = "LIAISON_API_TOKEN_FILE";
    /** The environment the token is read from; tests hand in their own (a JVM cannot set its own variables). */
    static java.util.function.UnaryOperator<String> environment = System::getenv;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return ExitCodes.REFUSED;
    }

    abstract static class Client implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8480", description = "The gateway's base URL (default ${DEFAULT-VALUE}).")
        String url;

        @Override
        public Integer call() throws Exception {
            Optional<String> token = token();
            if (token.isEmpty()) {
                System.err.println("refused: no API token: set " + TOKEN_ENV + " or " + TOKEN_FILE_ENV
                        + " (token create, on the gateway host)");
                return ExitCodes.REFUSED;
            }
            HttpRequest.Builder request = request(HttpRequest.newBuilder()).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token.get());
            HttpResponse<String> response;
            try {
                response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                System.err.println("failed: the gateway at " + url + " did not answer: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            if (response.statusCode() >= 400) {
                System.err.println("refused (" + response.statusCode() + "): " + response.body());
                return response.statusCode() >= 500 ? ExitCodes.FAILED : ExitCodes.REFUSED;
            }
            System.out.println(response.body());
            return ExitCodes.OK;
        }

        abstract HttpRequest.Builder request(HttpRequest.Builder b) throws IOException;

        URI uri(String path) {
            return URI.create(url.replaceAll("/+$", "") + "/api/v1" + path);
        }

        static Optional<String> token() throws IOException {
            String direct = environment.apply(TOKEN_ENV);
            if (direct != null && !direct.isBlank()) {
                return Optional.of(direct.strip());
            }
            String file = environment.apply(TOKEN_FILE_ENV);
            if (file != null && !file.isBlank()) {
                return Optional.of(Files.readString(Path.of(file)).strip());
            }
            return Optional.empty();
        }

        static String quoted(String s) {
            return io.vertx.core.json.Json.encode(s);
        }
    }

    @Command(name = "send", description = "Send a notice file through the API; prints the reference.")
    static final class Send extends Client {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--idempotency-key", description = "Repeat a send safely: the same key returns the first answer (default: a new UUID).")
        String key;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) throws IOException {
            String body = "{\"name\":" + quoted(file.getFileName().toString()) + ",\"content\":"
                    + quoted(Files.readString(file, StandardCharsets.UTF_8)) + "}";
            return b.uri(uri("/notices")).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key != null ? key : UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
    }

    @Command(name = "status", description = "A notice's deliveries, confirmations and escalations, as JSON.")
    static final class Status extends Client {
        @Parameters(paramLabel = "REF")
        String reference;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            return b.uri(uri("/notices/" + reference)).GET();
        }
    }

    @Command(name = "ack", description = "Confirm a notice for the token's point of contact.")
    static final class Ack extends Client {
        @Parameters(paramLabel = "REF")
        String reference;

        @Option(names = "--note", description = "A note kept with the confirmation.")
        String note;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            String body = note == null ? "{}" : "{\"note\":" + quoted(note) + "}";
            return b.uri(uri("/notices/" + reference + "/confirm")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }
    }
}
