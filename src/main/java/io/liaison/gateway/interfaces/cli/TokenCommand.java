package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.LocalAdministrator;
import io.liaison.gateway.app.TokenAdministration;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.interfaces.api.LocalAdminDoor;
import io.liaison.gateway.store.ApiToken;
import io.liaison.gateway.store.ApiTokenScope;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code token create|list|revoke}: API tokens, managed by the local administrator on the gateway host. While
 * {@code serve} runs with the same settings, through its loopback administrator door with the token it wrote
 * to {@code gateway.admin.token-file} (read here, never an argument); otherwise by opening the database directly.
 */
@Command(name = "token", description = "API tokens for machines and the CLI (local administrator on the gateway host).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return ExitCodes.REFUSED;
    }

    /** One row of {@code token list}, whichever way it was read. */
    record Row(String id, String holder, String scope, String expires, String state, String label) {
    }

    /** A token just made: its description and its text, shown once. */
    record Created(String id, String scope, String expires, String text) {
    }

    /** Where the token commands act: the database itself, or the running serve's administrator door. */
    interface Desk {
        Created create(String poc, Optional<String> person, ApiTokenScope scope, int validDays, String label) throws IOException;

        List<Row> list() throws IOException;

        boolean revoke(String id) throws IOException;
    }

    /** The administrator door answered with a problem: its status and detail, shown as a refusal. */
    static final class DoorRefused extends RuntimeException {
        final int status;

        DoorRefused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    abstract static class Admin implements Callable<Integer> {
        @CommandLine.Mixin
        GatewayOptions options = new GatewayOptions();

        @Option(names = "--as", required = true, description = "The administrator acting (a person or point of contact id); audited.")
        String admin;

        @Override
        public Integer call() {
            GatewaySettings settings = options.settings();
            Path file = LocalAdministrator.file(settings);
            Optional<LocalAdministrator.Published> published;
            try {
                published = LocalAdministrator.read(file);
            } catch (IOException e) {
                System.err.println("refused: the local administrator token file " + file + " cannot be read (" + e.getMessage()
                        + "): run token as the user serve runs as, with the same --config");
                return ExitCodes.REFUSED;
            }
            if (published.isPresent()) {
                try {
                    return run(new Door(published.get(), admin));
                } catch (ServeGone e) {
                    System.err.println("note: " + file + " names " + published.get().url() + " but no serve answers there"
                            + " (stopped without removing it?); opening the database directly");
                } catch (DoorRefused e) {
                    System.err.println("refused" + (e.status > 0 ? " (" + e.status + ")" : "") + ": " + e.getMessage());
                    return e.status >= 500 ? ExitCodes.FAILED : ExitCodes.REFUSED;
                } catch (IllegalArgumentException e) {
                    System.err.println("refused: " + e.getMessage());
                    return ExitCodes.REFUSED;
                } catch (IOException e) {
                    System.err.println("failed: the gateway at " + published.get().url() + " did not answer: " + e.getMessage());
                    return ExitCodes.FAILED;
                }
            }
            try (TokenAdministration room = new TokenAdministration(settings)) {
                return run(new HostDatabase(room.tokens(), room.admin(admin)));
            } catch (IllegalArgumentException | IOException | TokenAdministration.HeldByServe | io.liaison.gateway.directory.DirectoryException
                     | io.liaison.gateway.application.ActionRefusedException | io.liaison.gateway.application.UnknownActorException e) {
                System.err.println("refused: " + e.getMessage());
                return ExitCodes.REFUSED;
            }
        }

        abstract Integer run(Desk desk) throws IOException;
    }

    @Command(name = "create", description = "Issue a token; it is printed once and never again (store it in a file readable by its user only).")
    static final class Create extends Admin {
        @Option(names = "--for", required = true, description = "The point of contact the token acts for.")
        String poc;

        @Option(names = "--person", description = "The directory person the token acts as (optional).")
        String person;

        @Option(names = "--scope", required = true, description = "read or act.")
        String scope;

        @Option(names = "--valid-days", defaultValue = "90", description = "Days until it expires (1..366, default 90).")
        int validDays;

        @Option(names = "--label", defaultValue = "", description = "What the token is for (shown by token list).")
        String label;

        @Override
        Integer run(Desk desk) throws IOException {
            Created created = desk.create(poc, Optional.ofNullable(person), ApiTokenScope.parse(scope), validDays, label);
            System.err.println("token " + created.id() + " for " + poc + " (" + created.scope() + "), expires " + created.expires()
                    + ". Shown once:");
            System.out.println(created.text());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Every token: id, holder, scope, expiry, revoked, last used (never a secret).")
    static final class ListTokens extends Admin {
        @Override
        Integer run(Desk desk) throws IOException {
            System.out.printf("%-16s  %-24s %-5s %-20s %-8s %s%n", "ID", "FOR", "SCOPE", "EXPIRES", "STATE", "LABEL");
            for (Row r : desk.list()) {
                System.out.printf("%-16s  %-24s %-5s %-20s %-8s %s%n", r.id(), r.holder(), r.scope(),
                        r.expires().substring(0, Math.min(19, r.expires().length())), r.state(), r.label());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", description = "Revoke a token at once.")
    static final class Revoke extends Admin {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        Integer run(Desk desk) throws IOException {
            if (!desk.revoke(id)) {
                System.err.println("refused: no active token " + id);
                return ExitCodes.REFUSED;
            }
            System.out.println("revoked " + id);
            return ExitCodes.OK;
        }
    }

    /** serve is stopped (or the database is shared, PostgreSQL): the command opens the ledger itself. */
    private record HostDatabase(ApiTokens tokens, io.liaison.gateway.application.Actor admin) implements Desk {
        @Override
        public Created create(String poc, Optional<String> person, ApiTokenScope scope, int validDays, String label) {
            ApiTokens.Issued issued = tokens.issue(admin, ApiTokens.AdminDoor.HOST_DATABASE, poc, person, scope,
                    Duration.ofDays(validDays), label);
            return new Created(issued.token().id(), issued.token().scope().yamlName(), issued.token().expiresAt().toString(),
                    issued.text());
        }

        @Override
        public List<Row> list() {
            Instant now = Instant.now();
            List<Row> rows = new ArrayList<>();
            for (ApiToken t : tokens.list(admin)) {
                String state = t.revokedAt().isPresent() ? "revoked" : t.usableAt(now) ? "active" : "expired";
                rows.add(new Row(t.id(), t.pocId() + t.person().map(p -> "/" + p).orElse(""), t.scope().yamlName(),
                        t.expiresAt().toString(), state, t.label()));
            }
            return rows;
        }

        @Override
        public boolean revoke(String id) {
            return tokens.revoke(admin, ApiTokens.AdminDoor.HOST_DATABASE, id);
        }
    }

    /** Nothing listens at the address the token file names: serve is gone, the file is stale. */
    static final class ServeGone extends IOException {
        ServeGone(Throwable cause) {
            super(cause);
        }
    }

    /** serve runs: its loopback administrator door, with the token from its file in the Authorization header. */
    static final class Door implements Desk {
        private final LocalAdministrator.Published published;
        private final String admin;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Door(LocalAdministrator.Published published, String admin) throws IOException {
            URI uri = URI.create(published.url());
            String host = uri.getHost() == null ? "" : uri.getHost().replaceAll("^\\[|]$", "");
            // the token goes to this host's own serve only, whatever a file says
            if (!java.net.InetAddress.getByName(host).isLoopbackAddress()) {
                throw new DoorRefused(0, "the local administrator token file names " + published.url()
                        + ", not a loopback address; the token is sent nowhere else");
            }
            this.published = published;
            this.admin = admin;
        }

        @Override
        public Created create(String poc, Optional<String> person, ApiTokenScope scope, int validDays, String label) throws IOException {
            JsonObject body = new JsonObject().put("for", poc).put("scope", scope.yamlName()).put("validDays", validDays)
                    .put("label", label);
            person.ifPresent(p -> body.put("person", p));
            JsonObject answer = send("POST", "/tokens", Optional.of(body));
            return new Created(answer.getString("id"), answer.getString("scope"), answer.getString("expires"),
                    answer.getString("token"));
        }

        @Override
        public List<Row> list() throws IOException {
            List<Row> rows = new ArrayList<>();
            for (Object o : send("GET", "/tokens", Optional.empty()).getJsonArray("tokens")) {
                JsonObject t = (JsonObject) o;
                rows.add(new Row(t.getString("id"), t.getString("for") + Optional.ofNullable(t.getString("person")).map(p -> "/" + p)
                        .orElse(""), t.getString("scope"), t.getString("expires"), t.getString("state"), t.getString("label")));
            }
            return rows;
        }

        @Override
        public boolean revoke(String id) throws IOException {
            try {
                send("POST", "/tokens/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8) + "/revoke", Optional.of(new JsonObject()));
                return true;
            } catch (DoorRefused e) {
                if (e.status == 404) {
                    return false;
                }
                throw e;
            }
        }

        private JsonObject send(String method, String path, Optional<JsonObject> body) throws IOException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(published.url().replaceAll("/+$", "") + LocalAdminDoor.PREFIX + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + published.token())
                    .header(LocalAdminDoor.ACTING_AS, admin);
            if (body.isPresent()) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.get().encode()));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException e) {
                throw new ServeGone(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (response.statusCode() >= 400) {
                String detail = response.body();
                try {
                    detail = new JsonObject(response.body()).getString("detail", response.body());
                } catch (RuntimeException notJson) {
                    // keep the body as it came
                }
                throw new DoorRefused(response.statusCode(), detail);
            }
            return new JsonObject(response.body());
        }
    }
}
