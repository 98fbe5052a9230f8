package io.liaison.gateway.interfaces.api;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.HttpDoors;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.application.Idempotency;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.interfaces.http.HttpSettings;
import io.liaison.gateway.store.ApiTokenScope;
import io.liaison.gateway.store.jdbc.JdbcIdempotencyStore;
import io.liaison.gateway.testing.GatewayHarness;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real gateway (GreenMail, in-process SMSC) with its API on a free loopback port, and a token per demo person. */
final class ApiFixture implements AutoCloseable {
    /** One demo person per role, as {@code demo --console} prints them. */
    static final List<String> PEOPLE = List.of("sato", "kimura", "yamada", "ito", "nakamura", "kobayashi");

    final GatewayHarness harness;
    final Gateway gateway;
    final GatewayHttpServer server;
    final Map<String, String> actTokens = new LinkedHashMap<>();
    final Map<String, String> readTokens = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    ApiFixture(Path work) throws Exception {
        harness = GatewayHarness.start(work);
        gateway = harness.gateway();
        ApiTokens tokens = HttpDoors.tokens(gateway);
        server = GatewayHttpServer.start(HttpSettings.loopback(0), List.of(new ApiDoor(gateway.application(), tokens,
                new Idempotency(new JdbcIdempotencyStore(gateway.dataSource()), gateway.clock()), gateway.events())));
        Actor admin = gateway.application().actors().resolveLocal("nisc-duty");
        for (String person : PEOPLE) {
            String poc = gateway.application().actors().resolvePerson(new io.liaison.gateway.application.PersonId(person),
                    io.liaison.gateway.application.Via.API_TOKEN).pocId();
            actTokens.put(person, tokens.issue(admin, poc, Optional.of(person), ApiTokenScope.ACT, Duration.ofDays(30), "test").text());
            readTokens.put(person, tokens.issue(admin, poc, Optional.of(person), ApiTokenScope.READ, Duration.ofDays(30), "test").text());
        }
    }

    HttpResponse<String> call(String method, String path, Optional<String> token, Optional<String> json, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        headers.forEach(b::header);
        if (json.isPresent()) {
            if (!headers.containsKey("Content-Type")) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, HttpRequest.BodyPublishers.ofString(json.get()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> as(String person, String method, String path, String json, String idempotencyKey) throws Exception {
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return call(method, path, Optional.of(actTokens.get(person)), Optional.ofNullable(json), headers);
    }

    static String noticeJson(String yaml) {
        return new JsonObject().put("name", "api.yaml").put("content", yaml).encode();
    }

    @Override
    public void close() {
        server.close();
        harness.close();
    }
}
