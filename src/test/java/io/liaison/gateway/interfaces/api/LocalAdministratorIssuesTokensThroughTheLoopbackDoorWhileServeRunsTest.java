package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.HttpDoors;
import io.liaison.gateway.app.LocalAdministrator;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditChain;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.testing.GatewayHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While serve runs (it owns the H2 file), {@code token create|list|revoke} reach it through its loopback
 * administrator door with the token serve wrote to an owner-only file; the token made is usable at once, the
 * audit trail names the door, and the file is gone after serve stops. With serve stopped, the commands open
 * the database themselves again, also when serve died and left its file behind.
 */
class LocalAdministratorIssuesTokensThroughTheLoopbackDoorWhileServeRunsTest {
    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createListUseAndRevokeWhileServing() throws Exception {
        try (GatewayHarness harness = GatewayHarness.start(work)) {
            Path tokenFile = work.resolve("run").resolve("admin-token");
            Map<String, String> extra = Map.of("gateway.http.port", "0", LocalAdministrator.SETTING, tokenFile.toString());
            Path config = AdminCli.config(harness, work.resolve("gateway.properties"), extra);
            Gateway gateway = harness.gateway();
            GatewaySettings settings = GatewaySettings.load(Optional.of(config), new java.util.Properties());
            String baseUrl;
            try (HttpDoors.Served served = HttpDoors.serve(gateway, settings)) {
                baseUrl = served.http().baseUrl();
                assertTrue(Files.isRegularFile(tokenFile), "serve writes the administrator token file at start");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
                String fileText = Files.readString(tokenFile);
                assertTrue(fileText.contains("url=http://127.0.0.1:" + served.http().port()), fileText);
                try (var leftovers = Files.list(tokenFile.getParent())) {
                    assertEquals(List.of(tokenFile), leftovers.toList(), "no temporary file is left beside it");
                }

                AdminCli.Result created = AdminCli.run("token", "create", "--config", config.toString(), "--as", "nisc-duty",
                        "--for", "east-power-soc", "--person", "nakamura", "--scope", "act", "--valid-days", "30", "--label", "SOC bot");
                assertEquals(0, created.exitCode(), created.err());
                String token = created.out().strip();
                assertTrue(token.startsWith("lgw_"), created.out());
                assertFalse(created.err().contains("opening the database"), created.err());

                HttpResponse<String> notices = get(baseUrl + "/api/v1/notices", token);
                assertEquals(200, notices.statusCode(), "the new token works at once: " + notices.body());

                AuditEntry audited = only(gateway, AuditAction.TOKEN_CREATED);
                assertEquals("loopback-admin-token", audited.details().get("door"), audited.toString());
                assertEquals("nisc-duty", audited.who().pocId());
                assertFalse(AuditChain.line(audited).contains(token), "the token itself is never in the trail");
                assertFalse(fileText.contains(token));

                AdminCli.Result listed = AdminCli.run("token", "list", "--config", config.toString(), "--as", "nisc-duty");
                assertEquals(0, listed.exitCode(), listed.err());
                String id = audited.details().get("token");
                assertTrue(listed.out().contains(id) && listed.out().contains("east-power-soc/nakamura")
                        && listed.out().contains("active") && listed.out().contains("SOC bot"), listed.out());
                assertFalse(listed.out().contains(token.substring(token.lastIndexOf('_') + 1)), "list shows no secret");

                AdminCli.Result revoked = AdminCli.run("token", "revoke", "--config", config.toString(), "--as", "nisc-duty", id);
                assertEquals(0, revoked.exitCode(), revoked.err());
                assertEquals(401, get(baseUrl + "/api/v1/notices", token).statusCode(), "revoked at once");
                assertEquals("loopback-admin-token", only(gateway, AuditAction.TOKEN_REVOKED).details().get("door"));

                AdminCli.Result again = AdminCli.run("token", "revoke", "--config", config.toString(), "--as", "nisc-duty", id);
                assertEquals(2, again.exitCode(), again.out());
                assertTrue(again.err().contains("no active token " + id), again.err());

                AdminCli.Result nobody = AdminCli.run("token", "list", "--config", config.toString(), "--as", "no-such-poc");
                assertEquals(2, nobody.exitCode(), nobody.out());
                assertTrue(nobody.err().contains("no-such-poc"), nobody.err());
            }
            assertFalse(Files.exists(tokenFile), "the file is removed when serve stops");
            harness.stopGateway();

            // serve died without removing its file: the command says so and opens the database itself
            Files.writeString(tokenFile, "url=http://127.0.0.1:" + GatewayHarness.freePort() + "\ntoken=lgwadmin_"
                    + "A".repeat(43) + "\n");
            AdminCli.Result stale = AdminCli.run("token", "create", "--config", config.toString(), "--as", "nisc-duty",
                    "--for", "west-power-soc", "--scope", "read");
            assertEquals(0, stale.exitCode(), stale.err());
            assertTrue(stale.err().contains("no serve answers there"), stale.err());
            assertTrue(stale.out().strip().startsWith("lgw_"), stale.out());
            Files.delete(tokenFile);

            AdminCli.Result direct = AdminCli.run("token", "list", "--config", config.toString(), "--as", "nisc-duty");
            assertEquals(0, direct.exitCode(), direct.err());
            assertTrue(direct.out().contains("west-power-soc") && direct.out().contains("revoked"), direct.out());
            Gateway after = harness.gateway();
            assertEquals("host-database", after.audit().read(Optional.empty(), Optional.empty()).stream()
                    .filter(e -> e.action().equals(AuditAction.TOKEN_CREATED.verb())).reduce((a, b) -> b).orElseThrow()
                    .details().get("door"));
        }
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static AuditEntry only(Gateway gateway, AuditAction action) {
        List<AuditEntry> found = gateway.audit().read(Optional.empty(), Optional.empty()).stream()
                .filter(e -> e.action().equals(action.verb())).toList();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }
}
