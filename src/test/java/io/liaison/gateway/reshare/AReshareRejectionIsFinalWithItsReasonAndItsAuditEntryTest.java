package io.liaison.gateway.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.application.ActionRefusedException;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.Verdict;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NISC approver's "no": a reason is required and bounded, the proposal becomes REJECTED with who, when and
 * why, the trail gets {@code reshare.rejected} with the reason, and nothing is sent. A rejected proposal is final
 * (neither approved nor rejected again), an approved one is no longer rejected; the duty officer's role does not
 * reject, the proposer does not reject their own (four eyes), and a label that names nothing is NOT_FOUND only
 * for a role the table lets ask. The list shows each state, newest first. Runs on H2 and on PostgreSQL.
 */
class AReshareRejectionIsFinalWithItsReasonAndItsAuditEntryTest {
    @TempDir
    Path work;

    @Test
    void aRejectionIsRecordedWithItsReasonAndIsFinal() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Application app = gateway.application();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0400", false));
            Actor sato = app.actors().resolveLocal("sato");       // NISC duty officer: proposes
            Actor kimura = app.actors().resolveLocal("kimura");   // NISC approver: decides
            ReshareProposal first = propose(app, sato);
            h.clock.advance(Duration.ofMinutes(5));
            ReshareProposal second = propose(app, sato);
            h.clock.advance(Duration.ofMinutes(5));
            ReshareProposal third = propose(app, sato);
            int noticesBefore = count(gateway, "SELECT COUNT(*) FROM notice");

            // a reason is required, and bounded; nothing is stored without one
            assertThrows(ReshareRefusedException.class, () -> app.rejectReshare().reject(kimura, first.label(), "   "));
            assertThrows(ReshareRefusedException.class, () -> app.rejectReshare().reject(kimura, first.label(),
                    "x".repeat(Rejection.REASON_MAX + 1)));
            assertEquals(ReshareProposal.State.PROPOSED, gateway.reshare().show(first.label()).state());

            // the duty officer's role does not reject; the table answers before the proposal is looked at
            ActionRefusedException byDuty = assertThrows(ActionRefusedException.class,
                    () -> app.rejectReshare().reject(sato, first.label(), "not mine to decide"));
            assertEquals(Verdict.FORBIDDEN, byDuty.verdict());

            ReshareProposal rejected = app.rejectReshare().reject(kimura, first.label(), "  the plant name is still in the notes  ");
            assertEquals(ReshareProposal.State.REJECTED, rejected.state());
            Rejection r = rejected.rejection().orElseThrow();
            assertEquals("the plant name is still in the notes", r.reason(), "stored stripped");
            assertEquals(Optional.of("kimura"), r.person());
            assertEquals(kimura.pocId(), r.by());
            assertEquals(h.clock.instant(), r.at());
            assertEquals(rejected.rejection(), gateway.reshare().show(first.label()).rejection(), "read back from the store");
            assertEquals(noticesBefore, count(gateway, "SELECT COUNT(*) FROM notice"), "a rejection sends nothing");

            List<AuditEntry> entries = entries(gateway, AuditAction.RESHARE_REJECTED);
            assertEquals(1, entries.size(), entries.toString());
            AuditEntry entry = entries.get(0);
            assertEquals(first.label(), entry.details().get("proposal"));
            assertEquals("the plant name is still in the notes", entry.details().get("reason"));
            assertEquals("kimura", entry.details().get("rejected-by"));
            assertEquals("sato", entry.details().get("proposed-by"));
            assertEquals(Optional.of("kimura"), entry.who().person());
            assertTrue(entries(gateway, AuditAction.ACTION_PERFORMED).stream()
                    .anyMatch(e -> "reject-reshare".equals(e.details().get("action"))), "the use case's own entry");

            // final: neither rejected again nor approved
            ReshareRefusedException again = assertThrows(ReshareRefusedException.class,
                    () -> app.rejectReshare().reject(kimura, first.label(), "once more"));
            assertTrue(again.getMessage().contains("was rejected by kimura") && again.getMessage().contains("final"), again.getMessage());
            ReshareRefusedException approveRejected = assertThrows(ReshareRefusedException.class,
                    () -> app.approveReshare().approve(kimura, first.label()));
            assertTrue(approveRejected.getMessage().contains("rejected"), approveRejected.getMessage());
            assertEquals(ReshareProposal.State.REJECTED, gateway.reshare().show(first.label()).state());
            assertEquals(noticesBefore, count(gateway, "SELECT COUNT(*) FROM notice"));
            assertEquals(1, entries(gateway, AuditAction.RESHARE_REJECTED).size());

            // approved (and sent): no longer rejected
            app.approveReshare().approve(kimura, second.label());
            ReshareRefusedException rejectSent = assertThrows(ReshareRefusedException.class,
                    () -> app.rejectReshare().reject(kimura, second.label(), "too late"));
            assertTrue(rejectSent.getMessage().contains("sent as"), rejectSent.getMessage());
            assertEquals(ReshareProposal.State.SENT, gateway.reshare().show(second.label()).state());

            // exactly REASON_MAX characters is a reason
            assertEquals(ReshareProposal.State.REJECTED,
                    app.rejectReshare().reject(kimura, third.label(), "y".repeat(Rejection.REASON_MAX)).state());

            // the list: each state, newest first
            assertEquals(List.of(), labels(app.approveReshare().list(kimura, ProposalFilter.PENDING, 50)));
            assertEquals(List.of(third.label(), first.label()), labels(app.approveReshare().list(sato, ProposalFilter.REJECTED, 50)));
            assertEquals(List.of(second.label()), labels(app.approveReshare().list(sato, ProposalFilter.APPROVED, 50)));
            assertEquals(List.of(third.label(), second.label(), first.label()),
                    labels(app.approveReshare().list(kimura, ProposalFilter.ALL, 50)));
            assertEquals(List.of(third.label()), labels(app.approveReshare().list(kimura, ProposalFilter.ALL, 1)), "bounded");
            ReshareSummary line = app.approveReshare().list(kimura, ProposalFilter.REJECTED, 50).get(1);
            assertEquals(Optional.of(kimura.pocId()), line.decidedBy());
            assertEquals(first.redactions().size(), line.removals());
        }
    }

    @Test
    void theProposerCannotRejectTheirOwnAndAnUnknownLabelIsNotFoundOnlyForWhoMayAsk() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Application app = gateway.application();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0401", false));
            Actor kimura = app.actors().resolveLocal("kimura");
            Actor nakamura = app.actors().resolveLocal("nakamura");   // East Power SOC
            ReshareProposal own = gateway.reshare().propose(new ReshareRequest("east-power/EP-2026-0401", Optional.empty(),
                    Grounds.THREAT, Optional.empty(), List.of(), false, List.of()), Optional.of("kimura"));

            ActionRefusedException fourEyes = assertThrows(ActionRefusedException.class,
                    () -> app.rejectReshare().reject(kimura, own.label(), "changed my mind"));
            assertEquals(Verdict.FORBIDDEN, fourEyes.verdict());
            assertTrue(fourEyes.getMessage().contains("four eyes"), fourEyes.getMessage());
            assertEquals(ReshareProposal.State.PROPOSED, gateway.reshare().show(own.label()).state());
            assertEquals(List.of(), entries(gateway, AuditAction.RESHARE_REJECTED));

            for (String unknown : List.of("RS-0999", "not-a-label")) {
                ActionRefusedException show = assertThrows(ActionRefusedException.class, () -> app.approveReshare().show(kimura, unknown));
                assertEquals(Verdict.NOT_FOUND, show.verdict(), unknown);
                assertTrue(show.getMessage().contains("no re-share proposal"), show.getMessage());
                assertEquals(Verdict.NOT_FOUND, assertThrows(ActionRefusedException.class,
                        () -> app.approveReshare().approve(kimura, unknown)).verdict());
                assertEquals(Verdict.NOT_FOUND, assertThrows(ActionRefusedException.class,
                        () -> app.rejectReshare().reject(kimura, unknown, "no such thing")).verdict());
                // an operator is refused by the table first: it learns nothing about which proposals exist
                assertEquals(Verdict.FORBIDDEN, assertThrows(ActionRefusedException.class,
                        () -> app.approveReshare().show(nakamura, unknown)).verdict());
                assertEquals(Verdict.FORBIDDEN, assertThrows(ActionRefusedException.class,
                        () -> app.rejectReshare().reject(nakamura, unknown, "no")).verdict());
            }
            assertEquals(Verdict.FORBIDDEN, assertThrows(ActionRefusedException.class,
                    () -> app.approveReshare().list(nakamura, ProposalFilter.ALL, 10)).verdict());
        }
    }

    private static ReshareProposal propose(Application app, Actor sato) {
        return app.proposeReshare().propose(sato, new ReshareRequest("east-power/EP-2026-0400", Optional.empty(),
                Grounds.VULNERABILITY, Optional.empty(), List.of(), false, List.of()));
    }

    private static List<String> labels(List<ReshareSummary> lines) {
        return lines.stream().map(ReshareSummary::label).toList();
    }

    private static List<AuditEntry> entries(Gateway gateway, AuditAction kind) {
        return gateway.audit().read(Optional.empty(), Optional.empty()).stream().filter(e -> e.action().equals(kind.verb())).toList();
    }

    private static int count(Gateway g, String sql) throws Exception {
        try (Connection c = g.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
