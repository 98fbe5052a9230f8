package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.interfaces.cli.ApiClientCommandAccess;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a gateway serves (it owns the H2 file and the SMPP bind), {@code api send}, {@code api status} and
 * {@code api ack} work from the command line with a token from the environment.
 */
class CliActsThroughTheApiWhileTheGatewayServesTest {
    @TempDir
    Path work;

    @Test
    void sendStatusAndAckFromTheCommandLine() throws Exception {
        try (ApiFixture api = new ApiFixture(work)) {
            String url = api.server.baseUrl();
            ApiClientCommandAccess.Result sent = ApiClientCommandAccess.run(Map.of("LIAISON_API_TOKEN", api.actTokens.get("sato")),
                    "send", "--url", url, "keys-sample/notices/early-warning-power.yaml");
            assertEquals(0, sent.exitCode(), sent.err());
            String ref = new JsonObject(sent.out()).getString("reference");
            assertTrue(ref.startsWith("NISC-"), sent.out());

            ApiClientCommandAccess.Result status = ApiClientCommandAccess.run(Map.of("LIAISON_API_TOKEN", api.actTokens.get("nakamura")),
                    "status", "--url", url, ref);
            assertEquals(0, status.exitCode(), status.err());
            assertTrue(status.out().contains(ref), status.out());

            ApiClientCommandAccess.Result ack = ApiClientCommandAccess.run(Map.of("LIAISON_API_TOKEN", api.actTokens.get("nakamura")),
                    "ack", "--url", url, ref, "--note", "確認しました");
            assertEquals(0, ack.exitCode(), ack.err());
            assertTrue(ack.out().contains("\"accepted\":true"), ack.out());

            ApiClientCommandAccess.Result outsider = ApiClientCommandAccess.run(Map.of("LIAISON_API_TOKEN", api.actTokens.get("kobayashi")),
                    "status", "--url", url, ref);
            assertEquals(2, outsider.exitCode(), "west-power never received it: " + outsider.out());
            assertTrue(outsider.err().contains("404"), outsider.err());

            ApiClientCommandAccess.Result noToken = ApiClientCommandAccess.run(Map.of(), "status", "--url", url, ref);
            assertEquals(2, noToken.exitCode());
            assertTrue(noToken.err().contains("LIAISON_API_TOKEN"), noToken.err());
        }
    }
}
