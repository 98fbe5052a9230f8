package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a problem detail naming what is wrong, and nothing is stored: malformed JSON, an unknown
 * field, the wrong content type, an oversized body, a missing Idempotency-Key, a bad notice. The same key
 * again returns the first answer and sends nothing twice; the same key with another request is a conflict.
 */
class ApiRefusesBadInputAndStoresNothingTest {
    @TempDir
    Path work;

    @Test
    void badInputIsRefusedNamingTheFieldAndAReplayReturnsTheFirstAnswer() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            String yaml = Files.readString(Path.of("keys-sample/notices/early-warning-power.yaml"));
            String sato = api.actTokens.get("sato");

            assertProblem(api.call("POST", "/api/v1/notices", Optional.of(sato), Optional.of("{\"content\": "),
                    Map.of("Idempotency-Key", "bad-json-0001")), 400, "body");
            assertProblem(api.call("POST", "/api/v1/notices", Optional.of(sato),
                    Optional.of(new JsonObject().put("content", yaml).put("priority", "high").encode()),
                    Map.of("Idempotency-Key", "unknown-field-1")), 400, "priority");
            assertProblem(api.call("POST", "/api/v1/notices", Optional.of(sato), Optional.of(yaml),
                    Map.of("Idempotency-Key", "wrong-type-0001", "Content-Type", "application/yaml")), 415, "Content-Type");
            assertProblem(api.call("POST", "/api/v1/notices", Optional.of(sato),
                    Optional.of(ApiFixture.noticeJson("x".repeat(2 * 1024 * 1024))), Map.of("Idempotency-Key", "too-big-00001")), 413, "body");
            assertProblem(api.call("POST", "/api/v1/notices", Optional.of(sato), Optional.of(ApiFixture.noticeJson(yaml)), Map.of()),
                    400, "Idempotency-Key");
            assertProblem(api.call("POST", "/api/v1/notices", Optional.of(sato),
                    Optional.of(ApiFixture.noticeJson(yaml.replace("level: TLP:AMBER", "level: TLP:PURPLE"))),
                    Map.of("Idempotency-Key", "bad-notice-001")), 422, "content");
            assertEquals(0, api.gateway.store().notices().size(), "nothing stored by any refused request");
            // an approver asking for a proposal that does not exist gets a 404 problem naming it, not an internal error
            HttpResponse<String> noProposal = api.call("GET", "/api/v1/reshares/RS-9999", Optional.of(api.actTokens.get("kimura")),
                    Optional.empty(), Map.of());
            assertEquals(404, noProposal.statusCode(), noProposal.body());
            assertTrue(noProposal.body().contains("RS-9999"), noProposal.body());

            HttpResponse<String> first = api.as("sato", "POST", "/api/v1/notices", ApiFixture.noticeJson(yaml), "same-key-00001");
            HttpResponse<String> again = api.as("sato", "POST", "/api/v1/notices", ApiFixture.noticeJson(yaml), "same-key-00001");
            assertEquals(201, first.statusCode(), first.body());
            assertEquals(first.body(), again.body());
            assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
            assertEquals(1, api.gateway.store().notices().size(), "the replay sent nothing");

            assertProblem(api.as("sato", "POST", "/api/v1/notices", ApiFixture.noticeJson(yaml + "\n# changed\n"), "same-key-00001"),
                    409, "Idempotency-Key");
            assertEquals(1, api.gateway.store().notices().size());

            HttpResponse<String> openapi = api.call("GET", "/api/openapi.json", Optional.of(sato), Optional.empty(), Map.of());
            assertEquals(200, openapi.statusCode());
            JsonObject doc = new JsonObject(openapi.body());
            assertTrue(doc.getJsonObject("paths").containsKey("/api/v1/notices/{reference}/forward"), openapi.body());
            assertEquals(401, api.call("GET", "/api/openapi.json", Optional.empty(), Optional.empty(), Map.of()).statusCode());
        }
    }

    private static void assertProblem(HttpResponse<String> r, int status, String field) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
        assertEquals(field, new JsonObject(r.body()).getString("field"), r.body());
    }
}
