package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.Main;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.store.jdbc.JdbcAuditLog;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.NextGatewayKeyFiles;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * During a key rollover the audit trail's checkpoints follow the same key as everything else the gateway signs:
 * the old key before {@code gateway.key.switch-at}, the next key from then on. {@code audit verify} with the
 * rollover's settings accepts both; a verifier that knows only the old certificate names the checkpoint made
 * after the switch. (Until session 10 the checkpoints kept the key current at start.)
 */
class CheckpointsAreSignedByTheKeyCurrentWhenTheyAreMadeTest {
    @TempDir
    Path work;

    @Test
    void theOldKeySignsBeforeTheSwitchAndTheNextKeyAfterAndVerifyAcceptsBoth() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            NextGatewayKeyFiles next = NextGatewayKeyFiles.generate(work.resolve("next"));
            Instant switchAt = h.clock.instant().plus(Duration.ofDays(14));
            Properties rollover = next.settings(switchAt, switchAt.plus(Duration.ofDays(30)));
            Gateway g = h.gatewayWith(rollover);
            String oldKey = g.keys().openPgp().current().fingerprint();
            OpenPgpRecipientCertificate oldCertificate = g.keys().openPgp().current().certificate();
            JdbcAuditLog log = (JdbcAuditLog) g.audit();

            g.audit().record(ActorRef.gateway(), AuditAction.DIRECTORY_RELOADED, null, Map.of("test", "before the switch"));
            AuditCheckpoint before = g.auditCheckpoints().checkpointNow().orElseThrow();
            assertEquals(oldKey, before.signer(), "before the switch the old key signs");

            h.clock.advance(Duration.ofDays(14));
            g.audit().record(ActorRef.gateway(), AuditAction.DIRECTORY_RELOADED, null, Map.of("test", "after the switch"));
            AuditCheckpoint after = g.auditCheckpoints().checkpointNow().orElseThrow();
            assertEquals(next.fingerprint(), after.signer(), "from the switch on the next key signs, as outbound messages do");

            OpenPgpRecipientCertificate nextCertificate = OpenPgpGatewayKey.publicCertificate(next.openPgpCertificate());
            ChainVerdict both = log.verify(new ChainVerifier(OpenPgpCheckpoints.verifier(List.of(oldCertificate, nextCertificate))));
            assertTrue(both.intact(), both.problems().toString());
            ChainVerdict oldOnly = log.verify(new ChainVerifier(OpenPgpCheckpoints.verifier(List.of(oldCertificate))));
            assertFalse(oldOnly.intact(), "a checkpoint by a key the verifier does not know is not taken on trust");
            assertTrue(oldOnly.problems().stream().anyMatch(p -> p.contains("#" + after.sequence())),
                    "the checkpoint made after the switch is named: " + oldOnly.problems());

            h.stopGateway(); // the H2 file is the gateway's while it runs
            Path config = work.resolve("rollover.properties");
            Properties p = h.overrides();
            p.putAll(rollover);
            try (OutputStream out = Files.newOutputStream(config)) {
                p.store(out, "harness settings with a key rollover");
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream stdout = System.out;
            int code;
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                code = Main.run("audit", "verify", "--config", config.toString());
            } finally {
                System.setOut(stdout);
            }
            assertEquals(0, code, "audit verify with the rollover's settings knows both keys: " + printed.toString(StandardCharsets.UTF_8));
        }
    }
}
