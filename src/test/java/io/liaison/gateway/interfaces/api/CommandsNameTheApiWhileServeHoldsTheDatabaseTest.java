package io.liaison.gateway.interfaces.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.testing.ChildJvm;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process holds the H2 file (as a running serve does): the top-level {@code status} and {@code ack --as}
 * are refused in one line naming the API client instead of H2's page of "possible solutions", and
 * {@code token} without serve's administrator token file says where that file should be.
 */
class CommandsNameTheApiWhileServeHoldsTheDatabaseTest {
    @TempDir
    Path work;

    /** The child process: opens the database, says so, and holds it until its input closes. */
    public static final class HoldsTheDatabase {
        public static void main(String[] args) throws Exception {
            try (Database db = Database.open(args[0], "sa", "")) {
                System.out.println("open");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // held until the parent closes our input or kills us
                }
            }
        }
    }

    @Test
    void statusAckAndTokenSayWhatToDoInstead() throws Exception {
        Assumptions.assumeFalse(TestDatabase.postgreSql(), "H2's file lock only");
        try (GatewayHarness harness = GatewayHarness.start(work)) {
            Path config = AdminCli.config(harness, work.resolve("gateway.properties"), Map.of("gateway.admin.token-file",
                    work.resolve("admin-token").toString()));
            String url = harness.overrides().getProperty("gateway.db.url");
            Process holder = ChildJvm.of(HoldsTheDatabase.class, List.of("-Xmx128m"), url).redirectErrorStream(true).start();
            try {
                BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = said.readLine()) != null && !line.equals("open")) {
                    // the child's log lines
                }
                assertEquals("open", line, "the child opened the database");

                AdminCli.Result status = AdminCli.run("status", "--config", config.toString(), "NISC-EW-2026-00001");
                assertEquals(2, status.exitCode(), status.err());
                String refusal = refusal(status);
                assertTrue(refusal.contains("in use by another process") && refusal.contains("api status"), refusal);
                assertFalse(status.err().contains("Possible solutions"), status.err());

                AdminCli.Result ack = AdminCli.run("ack", "--config", config.toString(), "NISC-EW-2026-00001", "--as", "east-power-soc");
                assertEquals(2, ack.exitCode(), ack.err());
                assertTrue(refusal(ack).contains("api ack"), ack.err());

                AdminCli.Result token = AdminCli.run("token", "list", "--config", config.toString(), "--as", "nisc-duty");
                assertEquals(2, token.exitCode(), token.err());
                assertTrue(refusal(token).contains("no local administrator token file at " + work.resolve("admin-token")), token.err());
            } finally {
                holder.getOutputStream().close();
                if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                    holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The one line a refused command prints (log lines of the attempted start may precede it). */
    private static String refusal(AdminCli.Result r) {
        List<String> lines = r.err().lines().filter(l -> l.startsWith("refused")).toList();
        assertEquals(1, lines.size(), r.err());
        return lines.get(0);
    }
}
