package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.store.jdbc.JdbcAuditLog;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.ConfirmationChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real gateway run (GreenMail, in-process SMSC, H2 file) through the decisions the trail must keep,
 * each kind checked by name; then the run's trail verifies whole, checkpoints included.
 */
class EveryDecisionLeavesAnAuditEntryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The kinds this run produces, each with the step that produces it. */
    private static final Set<AuditAction> EXPECTED = EnumSet.of(
            AuditAction.GATEWAY_STARTED,        // the start, with its settings
            AuditAction.NOTICE_ACCEPTED,        // send of an early warning
            AuditAction.DELIVERY_HANDED_OVER,   // each delivery accepted by GreenMail / the SMSC
            AuditAction.NOTICE_REFUSED,         // a notice file refused whole
            AuditAction.NOTICE_FORWARDED,       // meti-liaison forwards to power-ceptoar
            AuditAction.GATE_REFUSED,           // east-power-soc may not forward to west-power
            AuditAction.CONFIRMATION_RECORDED,  // meti-liaison confirms on the CLI
            AuditAction.ESCALATION_STEP,        // nobody else confirmed in time
            AuditAction.INBOUND_QUARANTINED,    // a message that is no signed notice
            AuditAction.GATEWAY_STOPPED);       // the orderly stop

    @TempDir
    Path work;

    @Test
    void eachKindOfDecisionIsRecordedAndTheTrailVerifies() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Properties p = h.overrides();
            p.setProperty("gateway.audit.checkpoint-every", "5");
            Gateway gateway = Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start();
            String ref;
            try {
                ref = gateway.send(Notices.earlyWarning()).reference();
                gateway.awaitSettled(ref, WAIT);
                assertThrows(NoticeRejectedException.class, () -> gateway.send(Notices.of("bad.yaml", "kind: early-warning\n")));
                String provision = gateway.send(Notices.provision()).reference();
                gateway.awaitSettled(provision, WAIT);
                gateway.forward(new ForwardCommand(provision, "meti-liaison", List.of("power-ceptoar"), false));
                gateway.forward(new ForwardCommand(ref, "east-power-soc", List.of("west-power"), false));
                gateway.acknowledgements().acknowledge(ref, "meti-liaison", ConfirmationChannel.CLI, h.clock.instant());
                h.clock.advance(Duration.ofHours(2));
                gateway.escalator().runDue();
                gateway.receive("From: someone@example.invalid\r\nSubject: hello\r\n\r\nnot a notice\r\n".getBytes());
                gateway.auditCheckpoints().checkpointIfDue();
            } finally {
                gateway.close();
            }
            try (var db = h.database().open()) {
                JdbcAuditLog log = new JdbcAuditLog(db.dataSource(), h.clock);
                List<AuditEntry> all = log.read(Optional.empty(), Optional.empty());
                Set<String> seen = all.stream().map(AuditEntry::action).collect(Collectors.toSet());
                for (AuditAction kind : EXPECTED) {
                    assertTrue(seen.contains(kind.verb()), kind.verb() + " left no entry; the trail has " + seen);
                }
                AuditEntry accepted = log.trail(ref).get(0);
                assertEquals("notice.accepted", accepted.action());
                assertEquals("nisc-duty", accepted.who().pocId());
                assertTrue(log.trail(ref).stream().anyMatch(e -> e.action().equals("gate.refused")
                        && e.details().getOrDefault("reason", "").contains("west-power")
                        || e.action().equals("gate.refused") && e.details().get("organisation").equals("west-power")),
                        "the gate's refusal names the organisation and its reason: " + log.trail(ref));
                assertFalse(log.checkpoints().isEmpty(), "checkpoints were signed");
                ChainVerdict verdict = log.verify(new ChainVerifier(OpenPgpCheckpoints.verifier(
                        List.of(AuditTrailFixture.gatewayKey().certificate()))));
                assertTrue(verdict.intact(), verdict.problems().toString());
                String passphrase = Files.readString(Path.of("keys-sample/gateway/passphrase.txt")).strip();
                all.forEach(e -> assertFalse(AuditChain.line(e).contains(passphrase), "a secret in entry #" + e.sequence()));
            }
        }
    }
}
