package io.liaison.gateway.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forward that reaches nobody is not done: the liaison sees the refusals and a non-zero exit (a script or an
 * operator's runbook stops there), while a forward that reaches at least one recipient still exits 0.
 */
class ForwardRefusedForEveryRecipientExitsNonZeroTest {
    @TempDir
    Path work;

    @Test
    void forwardToOnlyRefusedOrganisationsExitsTwoAndAPartialOneExitsZero() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Path config = work.resolve("gateway.properties");
            try (var w = Files.newBufferedWriter(config)) {
                h.overrides().store(w, "test");
            }
            String c = config.toString();
            CliRun sent = CliRun.of("send", "keys-sample/notices/provision-power.yaml", "--config", c, "--wait", "10s");
            assertEquals(0, sent.code(), sent.err());
            int at = sent.out().indexOf("NISC-PR3-");
            String ref = sent.out().substring(at, at + "NISC-PR3-2026-00001".length());

            CliRun nobody = CliRun.of("forward", ref, "--as", "meti-liaison", "--to", "island-power", "--config", c, "--wait", "5s");
            assertEquals(2, nobody.code(), nobody.out() + nobody.err());
            assertTrue(nobody.out().contains("0 deliveries, 1 refused"), nobody.out());
            assertTrue(nobody.err().contains("refused: " + ref + " was not forwarded to anyone"), nobody.err());

            CliRun some = CliRun.of("forward", ref, "--as", "meti-liaison", "--to", "power-ceptoar", "island-power",
                    "--config", c, "--wait", "10s");
            assertEquals(0, some.code(), some.out() + some.err());
        }
    }
}
