package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.interfaces.cli.ApiClientCommandAccess;
import io.liaison.gateway.reshare.Rejection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NISC's re-share proposals over the API and the CLI as its client: {@code api reshare list} shows those awaiting
 * a decision, newest first; {@code api reshare reject RS-… --reason …} is the approver's "no" (the duty officer is
 * refused, 403), the reason is required and bounded (400 naming the field, nothing stored), the Idempotency-Key
 * replays the first answer, and a rejected proposal is neither rejected again nor approved (409 Conflict saying why).
 */
class ApproverRejectsAReshareThroughTheApiAndTheCliTest {
    private static final String REPORT = "{\"incident\":\"EP-2026-0043\",\"summary\":\"制御系サーバの不審な通信\","
            + "\"contact\":{\"person\":\"山田 (SOC当番)\",\"means\":[{\"phone\":\"+81312340001\"}]}}";

    @TempDir
    Path work;

    @Test
    void listThenRejectWithAReasonFromTheCommandLine() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            String url = api.server.baseUrl();
            HttpResponse<String> filed = api.as("nakamura", "POST", "/api/v1/incidents", REPORT, "reject-incident-0001");
            assertEquals(201, filed.statusCode(), filed.body());
            String first = proposed(cli(api, "sato", "reshare", "propose", "--url", url, "east-power/EP-2026-0043", "--grounds", "threat"));
            String second = proposed(cli(api, "sato", "reshare", "propose", "--url", url, "east-power/EP-2026-0043",
                    "--grounds", "vulnerability"));

            ApiClientCommandAccess.Result pending = cli(api, "kimura", "reshare", "list", "--url", url);
            assertEquals(0, pending.exitCode(), pending.err());
            JsonObject listed = new JsonObject(pending.out());
            assertEquals("pending", listed.getString("state"));
            assertEquals(List.of(second, first), labels(listed.getJsonArray("proposals")), "newest first");
            JsonObject line = listed.getJsonArray("proposals").getJsonObject(0);
            assertEquals("east-power/EP-2026-0043", line.getString("incidentKey"));
            assertEquals("sato", line.getString("proposedBy"));

            ApiClientCommandAccess.Result byDuty = cli(api, "sato", "reshare", "reject", "--url", url, first, "--reason", "no");
            assertEquals(2, byDuty.exitCode(), "a duty officer does not reject: " + byDuty.out());
            assertTrue(byDuty.err().contains("403"), byDuty.err());
            assertNotEquals(0, cli(api, "kimura", "reshare", "reject", "--url", url, first).exitCode(), "--reason is required");

            HttpResponse<String> noReason = api.as("kimura", "POST", "/api/v1/reshares/" + first + "/reject", "{}", "reject-0001-key");
            assertEquals(400, noReason.statusCode(), noReason.body());
            assertEquals("reason", new JsonObject(noReason.body()).getString("field"));
            HttpResponse<String> tooLong = api.as("kimura", "POST", "/api/v1/reshares/" + first + "/reject",
                    new JsonObject().put("reason", "x".repeat(Rejection.REASON_MAX + 1)).encode(), "reject-0002-key");
            assertEquals(400, tooLong.statusCode(), tooLong.body());
            assertEquals("reason", new JsonObject(tooLong.body()).getString("field"));
            HttpResponse<String> noKey = api.call("POST", "/api/v1/reshares/" + first + "/reject", Optional.of(api.actTokens.get("kimura")),
                    Optional.of("{\"reason\":\"no key\"}"), Map.of());
            assertEquals(400, noKey.statusCode(), noKey.body());
            assertEquals("Idempotency-Key", new JsonObject(noKey.body()).getString("field"));
            assertEquals("PROPOSED", state(api, first), "nothing stored by the refused requests");

            ApiClientCommandAccess.Result rejected = cli(api, "kimura", "reshare", "reject", "--url", url, first,
                    "--reason", "工場名が備考に残っています / the plant name is still in the notes");
            assertEquals(0, rejected.exitCode(), rejected.err());
            JsonObject r = new JsonObject(rejected.out());
            assertEquals("REJECTED", r.getString("state"), rejected.out());
            assertEquals("工場名が備考に残っています / the plant name is still in the notes",
                    r.getJsonObject("rejection").getString("reason"));
            assertEquals("kimura", r.getJsonObject("rejection").getString("person"));

            // the same key replays the first answer; another key is a second rejection, refused: the first is final
            String body = "{\"reason\":\"duplicate of " + first + "\"}";
            HttpResponse<String> once = api.as("kimura", "POST", "/api/v1/reshares/" + second + "/reject", body, "reject-second-0001");
            assertEquals(200, once.statusCode(), once.body());
            HttpResponse<String> replay = api.as("kimura", "POST", "/api/v1/reshares/" + second + "/reject", body, "reject-second-0001");
            assertEquals(200, replay.statusCode(), replay.body());
            assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
            assertEquals(once.body(), replay.body());
            HttpResponse<String> twice = api.as("kimura", "POST", "/api/v1/reshares/" + second + "/reject", body, "reject-second-0002");
            assertEquals(409, twice.statusCode(), twice.body());
            assertTrue(twice.body().contains("final"), twice.body());
            HttpResponse<String> approveRejected = api.as("kimura", "POST", "/api/v1/reshares/" + first + "/approve", "{}",
                    "approve-rejected-0001");
            assertEquals(409, approveRejected.statusCode(), approveRejected.body());
            assertTrue(approveRejected.body().contains("rejected"), approveRejected.body());
            assertEquals("REJECTED", state(api, first));
            assertEquals("reshare-already-decided", new JsonObject(twice.body()).getString("type").replaceAll(".*/", ""),
                    "a conflict with the proposal's state, not bad input: " + twice.body());
            assertEquals(2, api.gateway.audit().read(java.util.Optional.empty(), java.util.Optional.empty()).stream()
                    .filter(e -> e.action().equals("reshare.rejected")).count(), "one entry per proposal: the refused requests added none");

            assertEquals(List.of(), labels(new JsonObject(cli(api, "kimura", "reshare", "list", "--url", url).out())
                    .getJsonArray("proposals")));
            ApiClientCommandAccess.Result rejectedList = cli(api, "sato", "reshare", "list", "--url", url, "--state", "rejected");
            assertEquals(0, rejectedList.exitCode(), rejectedList.err());
            assertEquals(List.of(second, first), labels(new JsonObject(rejectedList.out()).getJsonArray("proposals")));
            assertEquals(List.of(second), labels(new JsonObject(cli(api, "sato", "reshare", "list", "--url", url, "--state", "all",
                    "--limit", "1").out()).getJsonArray("proposals")), "bounded by --limit");

            ApiClientCommandAccess.Result badState = cli(api, "sato", "reshare", "list", "--url", url, "--state", "sent-yesterday");
            assertEquals(2, badState.exitCode());
            assertTrue(badState.err().contains("400") && badState.err().contains("state"), badState.err());
            HttpResponse<String> badLimit = api.as("sato", "GET", "/api/v1/reshares?limit=0", null, null);
            assertEquals(400, badLimit.statusCode(), badLimit.body());
            assertEquals("limit", new JsonObject(badLimit.body()).getString("field"));
            HttpResponse<String> bySoc = api.as("nakamura", "GET", "/api/v1/reshares", null, null);
            assertEquals(403, bySoc.statusCode(), "an operator never sees NISC's proposals: " + bySoc.body());

            // the OpenAPI document, made from the route table, names both and their inputs
            JsonObject paths = new JsonObject(api.as("sato", "GET", "/api/openapi.json", null, null).body()).getJsonObject("paths");
            JsonArray listParameters = paths.getJsonObject("/api/v1/reshares").getJsonObject("get").getJsonArray("parameters");
            assertEquals(List.of("limit", "state"), listParameters.stream().map(o -> ((JsonObject) o).getString("name")).toList());
            JsonObject reject = paths.getJsonObject("/api/v1/reshares/{label}/reject").getJsonObject("post");
            assertTrue(reject.encode().contains("\"reason\"") && reject.encode().contains("Idempotency-Key"), reject.encode());
        }
    }

    private static String state(ApiFixture api, String label) throws Exception {
        HttpResponse<String> shown = api.as("sato", "GET", "/api/v1/reshares/" + label, null, null);
        assertEquals(200, shown.statusCode(), shown.body());
        return new JsonObject(shown.body()).getString("state");
    }

    private static String proposed(ApiClientCommandAccess.Result r) {
        assertEquals(0, r.exitCode(), r.err());
        return new JsonObject(r.out()).getString("label");
    }

    private static List<String> labels(JsonArray proposals) {
        return proposals.stream().map(o -> ((JsonObject) o).getString("label")).toList();
    }

    private static ApiClientCommandAccess.Result cli(ApiFixture api, String person, String... args) {
        return ApiClientCommandAccess.run(Map.of("LIAISON_API_TOKEN", api.actTokens.get(person)), args);
    }
}
