package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.interfaces.cli.ApiClientCommandAccess;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of the acting commands as API clients while a gateway serves: the METI liaison forwards, an
 * operator's report is read as a thread, NISC's duty officer proposes a re-share which it cannot approve itself
 * (refused by the server) while the NISC approver can, and the statistics come back for a period.
 */
class CliForwardsResharesAndReadsThroughTheApiTest {
    private static final String REPORT = "{\"incident\":\"EP-2026-0042\",\"summary\":\"制御系サーバの不審な通信\","
            + "\"contact\":{\"person\":\"山田 (SOC当番)\",\"means\":[{\"phone\":\"+81312340001\"}]}}";

    @TempDir
    Path work;

    @Test
    void forwardIncidentReshareWithFourEyesAndStatsFromTheCommandLine() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            String url = api.server.baseUrl();
            ApiClientCommandAccess.Result sent = cli(api, "sato", "send", "--url", url, "keys-sample/notices/early-warning-power.yaml");
            assertEquals(0, sent.exitCode(), sent.err());
            String ref = new JsonObject(sent.out()).getString("reference");

            ApiClientCommandAccess.Result forward = cli(api, "yamada", "forward", "--url", url, ref, "--to", "power-ceptoar");
            assertEquals(0, forward.exitCode(), forward.err());
            assertTrue(forward.out().contains(ref), forward.out());
            ApiClientCommandAccess.Result soc = cli(api, "nakamura", "forward", "--url", url, ref, "--to", "power-ceptoar");
            assertEquals(2, soc.exitCode(), "an operator's SOC may not forward: " + soc.out());
            assertTrue(soc.err().contains("403"), soc.err());

            HttpResponse<String> filed = api.as("nakamura", "POST", "/api/v1/incidents", REPORT, "cli-incident-0001");
            assertEquals(201, filed.statusCode(), filed.body());
            ApiClientCommandAccess.Result thread = cli(api, "sato", "incident", "show", "--url", url, "east-power/EP-2026-0042");
            assertEquals(0, thread.exitCode(), thread.err());
            assertTrue(thread.out().contains("制御系サーバの不審な通信"), thread.out());
            ApiClientCommandAccess.Result notAnId = cli(api, "sato", "incident", "show", "--url", url, "EP-2026-0042");
            assertEquals(2, notAnId.exitCode());
            assertTrue(notAnId.err().contains("ORGANISATION/ID"), notAnId.err());

            ApiClientCommandAccess.Result proposed = cli(api, "sato", "reshare", "propose", "--url", url,
                    "east-power/EP-2026-0042", "--grounds", "threat");
            assertEquals(0, proposed.exitCode(), proposed.err());
            String label = new JsonObject(proposed.out()).getString("label");
            assertTrue(label.startsWith("RS-"), proposed.out());

            ApiClientCommandAccess.Result own = cli(api, "sato", "reshare", "approve", "--url", url, label);
            assertEquals(2, own.exitCode(), "the duty officer who proposed it approving it: " + own.out());
            assertTrue(own.err().contains("403"), own.err());
            ApiClientCommandAccess.Result approved = cli(api, "kimura", "reshare", "approve", "--url", url, label);
            assertEquals(0, approved.exitCode(), approved.err());
            String sentAs = new JsonObject(approved.out()).getString("reference");
            assertTrue(sentAs.startsWith("NISC-EW-"), approved.out());
            ApiClientCommandAccess.Result shown = cli(api, "sato", "reshare", "show", "--url", url, label);
            assertEquals(0, shown.exitCode(), shown.err());
            JsonObject proposal = new JsonObject(shown.out());
            assertEquals("SENT", proposal.getString("state"), shown.out());
            assertEquals("sato", proposal.getString("proposedBy"), shown.out());
            assertEquals(sentAs, proposal.getString("noticeReference"), shown.out());

            ApiClientCommandAccess.Result stats = cli(api, "sato", "stats", "--url", url, "--fiscal-year", "2026");
            assertEquals(0, stats.exitCode(), stats.err());
            ApiClientCommandAccess.Result quarter = cli(api, "sato", "stats", "--url", url, "--quarter", "2026Q3");
            assertEquals(0, quarter.exitCode(), quarter.err());
            ApiClientCommandAccess.Result soStats = cli(api, "nakamura", "stats", "--url", url, "--quarter", "2026Q3");
            assertEquals(2, soStats.exitCode(), "a SOC does not read the statistics: " + soStats.out());

            ApiClientCommandAccess.Result board = cli(api, "sato", "board", "--url", url);
            assertEquals(0, board.exitCode(), board.err());
            assertTrue(board.out().contains(ref), board.out());
        }
    }

    private static ApiClientCommandAccess.Result cli(ApiFixture api, String person, String... args) {
        return ApiClientCommandAccess.run(Map.of("LIAISON_API_TOKEN", api.actTokens.get(person)), args);
    }
}
