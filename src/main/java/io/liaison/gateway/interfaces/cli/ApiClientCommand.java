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
 * {@code api send|status|ack|forward|reshare (propose|list|show|approve|reject)|incident|stats|board}: the acting commands as clients of a running {@code serve}, so they work
 * while it owns the database and the channels. The token comes from {@code LIAISON_API_TOKEN} or the file
 * {@code LIAISON_API_TOKEN_FILE} names, never from the command line; the server from {@code --url}.
 */
@Command(name = "api", description = "Act through a running gateway's API (token from LIAISON_API_TOKEN or LIAISON_API_TOKEN_FILE).",
        subcommands = {ApiClientCommand.Send.class, ApiClientCommand.Status.class, ApiClientCommand.Ack.class,
                ApiClientCommand.Forward.class, ApiClientCommand.Reshare.class, ApiClientCommand.Incident.class,
                ApiClientCommand.Stats.class, ApiClientCommand.Board.class})
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
            HttpRequest.Builder request;
            try {
                request = request(HttpRequest.newBuilder()).timeout(Duration.ofSeconds(60));
            } catch (IllegalArgumentException e) {
                System.err.println("refused: " + e.getMessage());
                return ExitCodes.REFUSED;
            }
            request.header("Authorization", "Bearer " + token.get());
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

        /** An action that sends carries an Idempotency-Key (the API requires one): a repeat returns the first answer. */
        static HttpRequest.Builder postJson(HttpRequest.Builder b, URI uri, String body, String key) {
            return b.uri(uri).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key != null ? key : UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }

        static String segment(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
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

    @Command(name = "forward", description = "Forward (liaison → its sectors' CEPTOARs) or relay (CEPTOAR → members) a received notice"
            + " as the token's point of contact; same reference, same level.")
    static final class Forward extends Client {
        @Parameters(paramLabel = "REF")
        String reference;

        @Option(names = "--to", paramLabel = "ORG", description = "An organisation to forward to; repeatable.")
        java.util.List<String> to = new java.util.ArrayList<>();

        @Option(names = "--to-members", description = "Relay to the CEPTOAR's member operators.")
        boolean toMembers;

        @Option(names = "--idempotency-key", description = "Repeat a forward safely (default: a new UUID).")
        String key;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject().put("to", new io.vertx.core.json.JsonArray(to));
            if (toMembers) {
                body.put("toMembers", true);
            }
            return postJson(b, uri("/notices/" + segment(reference) + "/forward"), body.encode(), key);
        }
    }

    @Command(name = "reshare", description = "Sanitised re-share through the API: propose, list, show, approve or reject (four eyes).",
            subcommands = {ReshareShow.class, ReshareList.class, ReshareApprove.class, ReshareReject.class, ResharePropose.class})
    static final class Reshare implements Callable<Integer> {
        @Override
        public Integer call() {
            new CommandLine(this).usage(System.err);
            return ExitCodes.REFUSED;
        }
    }

    @Command(name = "propose", description = "Propose a redacted copy of an incident report; prints the proposal with every removal. Sends nothing.")
    static final class ResharePropose extends Client {
        @Parameters(paramLabel = "INCIDENT-ID", description = "ORGANISATION/ID as reported, e.g. east-power/EP-2026-0042.")
        String incident;

        @Option(names = "--grounds", required = true, description = "vulnerability or threat")
        String grounds;

        @Option(names = "--report", paramLabel = "N", description = "Which report (第N報); default the latest.")
        Integer report;

        @Option(names = "--level", paramLabel = "TLP:…", description = "Handling level; never looser than the reporter's.")
        String level;

        @Option(names = "--sectors", split = ",", paramLabel = "SECTOR")
        java.util.List<String> sectors = new java.util.ArrayList<>();

        @Option(names = "--include-dependent-sectors")
        boolean dependents;

        @Option(names = "--redact", paramLabel = "TEXT", description = "Also remove this text; repeatable.")
        java.util.List<String> redact = new java.util.ArrayList<>();

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject().put("incident", incident).put("grounds", grounds)
                    .put("sectors", new io.vertx.core.json.JsonArray(sectors)).put("redact", new io.vertx.core.json.JsonArray(redact))
                    .put("includeDependentSectors", dependents);
            if (report != null) {
                body.put("report", report);
            }
            if (level != null) {
                body.put("level", level);
            }
            return postJson(b, uri("/reshares"), body.encode(), null);
        }
    }

    @Command(name = "approve", description = "Approve a proposal as the token's NISC approver (never its proposer); it is then sent.")
    static final class ReshareApprove extends Client {
        @Parameters(paramLabel = "PROPOSAL-ID", description = "e.g. RS-0001")
        String proposal;

        @Option(names = "--idempotency-key", description = "Repeat an approval safely (default: a new UUID).")
        String key;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            return postJson(b, uri("/reshares/" + segment(proposal) + "/approve"), "{}", key);
        }
    }

    @Command(name = "reject", description = "Reject a proposal as the token's NISC approver (never its proposer), with a reason the"
            + " proposer reads; nothing is sent and the proposal is final.")
    static final class ReshareReject extends Client {
        @Parameters(paramLabel = "PROPOSAL-ID", description = "e.g. RS-0001")
        String proposal;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (1 to 1000 characters).")
        String reason;

        @Option(names = "--idempotency-key", description = "Repeat a rejection safely (default: a new UUID).")
        String key;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("--reason is empty; the proposer reads why");
            }
            String body = new io.vertx.core.json.JsonObject().put("reason", reason).encode();
            return postJson(b, uri("/reshares/" + segment(proposal) + "/reject"), body, key);
        }
    }

    @Command(name = "list", description = "Proposals, newest first, as JSON: awaiting a decision unless --state says otherwise.")
    static final class ReshareList extends Client {
        @Option(names = "--state", defaultValue = "pending", paramLabel = "pending|approved|rejected|all",
                description = "Which proposals (default ${DEFAULT-VALUE}).")
        String state;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "At most N, 1 to 200 (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            return b.uri(uri("/reshares?state=" + segment(state) + "&limit=" + limit)).GET();
        }
    }

    @Command(name = "show", description = "A proposal (RS-0001) or the re-share it became (its reference), with every removal.")
    static final class ReshareShow extends Client {
        @Parameters(paramLabel = "RS-0001|REF")
        String label;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            return b.uri(uri("/reshares/" + segment(label))).GET();
        }
    }

    @Command(name = "incident", description = "Incidents through the API.", subcommands = IncidentShow.class)
    static final class Incident implements Callable<Integer> {
        @Override
        public Integer call() {
            new CommandLine(this).usage(System.err);
            return ExitCodes.REFUSED;
        }
    }

    @Command(name = "show", description = "An incident's reports (第1報, 第N報) in order.")
    static final class IncidentShow extends Client {
        @Parameters(paramLabel = "ORG/ID")
        String incident;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) throws IOException {
            int slash = incident.indexOf('/');
            if (slash <= 0 || slash == incident.length() - 1) {
                throw new IllegalArgumentException("\"" + incident + "\" is not ORGANISATION/ID, e.g. east-power/EP-2026-0042");
            }
            return b.uri(uri("/incidents/" + segment(incident.substring(0, slash)) + "/" + segment(incident.substring(slash + 1)))).GET();
        }
    }

    @Command(name = "stats", description = "Sharing statistics for a quarter or a fiscal year, as JSON.")
    static final class Stats extends Client {
        @CommandLine.ArgGroup(multiplicity = "1")
        Period period;

        static final class Period {
            @Option(names = "--quarter", paramLabel = "2026Q3", description = "A Japanese fiscal quarter, e.g. 2026Q3.")
            String quarter;

            @Option(names = "--fiscal-year", paramLabel = "2026")
            Integer year;
        }

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            String p = period.year != null ? "FY" + period.year : "FY" + period.quarter.replaceFirst("^(\\d{4})-?(Q[1-4])$", "$1-$2");
            return b.uri(uri("/statistics?period=" + segment(p))).GET();
        }
    }

    @Command(name = "board", description = "The duty board: in flight, not confirmed, failed, quarantined.")
    static final class Board extends Client {
        @Option(names = "--hours", defaultValue = "48", description = "How far back (default ${DEFAULT-VALUE}).")
        int hours;

        @Override
        HttpRequest.Builder request(HttpRequest.Builder b) {
            return b.uri(uri("/board?hours=" + hours)).GET();
        }
    }
}
