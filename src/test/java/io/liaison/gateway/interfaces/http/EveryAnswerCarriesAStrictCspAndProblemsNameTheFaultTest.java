package io.liaison.gateway.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server's own rules, whatever door is mounted: headers on every answer, problem details, body limit. */
class EveryAnswerCarriesAStrictCspAndProblemsNameTheFaultTest {

    @Test
    void headersProblemsAndTheBodyLimit() throws Exception {
        AtomicInteger reached = new AtomicInteger();
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, 2048, java.util.Optional.empty());
        try (GatewayHttpServer server = GatewayHttpServer.start(settings, List.of((vertx, router) ->
                router.post("/api/v1/echo").handler(ctx -> {
                    reached.incrementAndGet();
                    ctx.response().end("ok");
                })))) {
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            String csp = health.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && !csp.contains("unsafe-inline")
                    && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", health.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-store", health.headers().firstValue("Cache-Control").orElse(""));

            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/nothing?secret=x"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertEquals(Problem.CONTENT_TYPE, missing.headers().firstValue("Content-Type").orElse(""));
            JsonObject problem = new JsonObject(missing.body());
            assertEquals(404, problem.getInteger("status"));
            assertEquals("/api/v1/nothing", problem.getString("instance"), "the query (which may hold input) is not echoed");

            HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/echo"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(4096) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, big.statusCode(), big.body());
            assertEquals("body", new JsonObject(big.body()).getString("field"));
            assertEquals(0, reached.get(), "the handler never saw the oversized body");
        }
    }
}
