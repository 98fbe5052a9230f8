package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * East Power's SOC files 第1報 and 第2報 through the API instead of signed e-mail: each is numbered in
 * its thread, relayed as an incident relay notice, and the thread shows both; a replay of the same
 * Idempotency-Key files nothing twice; a report without its contact person is refused naming the
 * field, and nothing is stored.
 */
class OperatorFilesASecondReportThroughTheApiTest {
    @TempDir
    Path work;

    private static final String FIRST = "{\"incident\":\"EP-2026-0042\",\"summary\":\"制御系サーバの不審な通信\","
            + "\"contact\":{\"person\":\"山田 (SOC当番)\",\"means\":[{\"phone\":\"+81312340001\"}]}}";
    private static final String SECOND = "{\"incident\":\"EP-2026-0042\",\"tlp\":\"TLP:AMBER\",\"event_type\":\"malware-infection\","
            + "\"contact\":{\"person\":\"山田 (SOC当番)\",\"means\":[{\"email\":\"soc@east-power.example\"}]},"
            + "\"response\":{\"measures\":\"該当サーバを隔離\"}}";

    @Test
    void secondReportIsNumberedRelayedAndShownInTheThread() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            HttpResponse<String> first = api.as("nakamura", "POST", "/api/v1/incidents", FIRST, "incident-first-0001");
            assertEquals(201, first.statusCode(), first.body());
            JsonObject one = new JsonObject(first.body());
            assertEquals("east-power/EP-2026-0042", one.getString("incidentKey"));
            assertEquals(1, one.getInteger("reportNumber"));

            HttpResponse<String> second = api.as("nakamura", "POST", "/api/v1/incidents", SECOND, "incident-second-0002");
            assertEquals(201, second.statusCode(), second.body());
            JsonObject two = new JsonObject(second.body());
            assertEquals(2, two.getInteger("reportNumber"));
            assertTrue(two.getString("relayReference").contains("-INC-"), two.encode());

            HttpResponse<String> replay = api.as("nakamura", "POST", "/api/v1/incidents", SECOND, "incident-second-0002");
            assertEquals(201, replay.statusCode());
            assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));

            HttpResponse<String> thread = api.as("sato", "GET", "/api/v1/incidents/east-power/EP-2026-0042", null, null);
            assertEquals(200, thread.statusCode(), thread.body());
            assertEquals(2, new JsonObject(thread.body()).getJsonArray("reports").size(), thread.body());
            // the relay went to NISC as e-mail re-encrypted, the way an e-mail report's does
            HttpResponse<String> relay = api.as("sato", "GET", "/api/v1/notices/" + two.getString("relayReference"), null, null);
            assertEquals(200, relay.statusCode(), relay.body());
        }
    }

    @Test
    void reportWithoutContactPersonIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            String bad = "{\"incident\":\"EP-2026-0043\",\"contact\":{\"means\":[{\"phone\":\"+81312340001\"}]}}";
            HttpResponse<String> r = api.as("nakamura", "POST", "/api/v1/incidents", bad, "incident-bad-00001");
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("contact.person", new JsonObject(r.body()).getString("field"), r.body());
            HttpResponse<String> thread = api.as("nakamura", "GET", "/api/v1/incidents/east-power/EP-2026-0043", null, null);
            assertEquals(404, thread.statusCode(), thread.body());
            HttpResponse<String> unknown = api.as("nakamura", "POST", "/api/v1/incidents", "{\"incident\":\"X-1\",\"colour\":\"red\"}",
                    "incident-bad-00002");
            assertEquals(400, unknown.statusCode());
            assertEquals("colour", new JsonObject(unknown.body()).getString("field"));
        }
    }
}
