package io.liaison.gateway.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditCheckpoint;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.audit.AuditEvent;
import io.liaison.gateway.audit.AuditException;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.store.jdbc.JdbcReshareStore;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval's half of {@link AReshareProposalIsStoredWithItsAuditEntryOrNotAtAllTest}: marking a re-share SENT
 * and its {@code reshare.approved} entry are one transaction. When the entry cannot be written the proposal stays
 * APPROVED (not SENT), and the next approval completes it with exactly one entry.
 */
class AReshareApprovalIsSentWithItsAuditEntryOrNotAtAllTest {
    @TempDir
    Path work;

    @Test
    void theProposalsEntryIsInTheTrailOnceStored() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            ReshareProposal proposal = proposeOne(gateway, h);
            List<AuditEntry> proposed = entries(gateway, AuditAction.RESHARE_PROPOSED);
            assertEquals(1, proposed.size(), proposed.toString());
            assertEquals(proposal.label(), proposed.get(0).details().get("proposal"));
        }
    }

    @Test
    void anApprovalWhoseEntryCannotBeWrittenIsNotMarkedSentAndCompletesOnTheNextApproval() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            ReshareProposal proposal = proposeOne(gateway, h);
            String someNotice = gateway.send(Notices.earlyWarning()).reference();
            JdbcReshareStore crashing = new JdbcReshareStore(gateway.dataSource(), new EntryNeverWritten(gateway.audit()));
            Instant now = h.clock.instant();
            assertTrue(crashing.markApproved(proposal.id(), "nisc-duty", now));

            assertThrows(AuditException.class, () -> crashing.markSent(proposal.id(), someNotice, now,
                    entry(AuditAction.RESHARE_APPROVED, proposal.id())));

            ReshareProposal after = gateway.reshare().show(proposal.label());
            assertEquals(ReshareProposal.State.APPROVED, after.state(), "not SENT without its entry");
            assertEquals(Optional.empty(), after.noticeReference());
            assertEquals(List.of(), entries(gateway, AuditAction.RESHARE_APPROVED));

            // approving again finishes the interrupted approval; now state and entry land together, once
            ReshareDesk.Approved approved = gateway.reshare().approve(proposal.id(), "nisc-duty");
            assertEquals(ReshareProposal.State.SENT, approved.proposal().state());
            List<AuditEntry> approvals = entries(gateway, AuditAction.RESHARE_APPROVED);
            assertEquals(1, approvals.size(), approvals.toString());
            assertEquals(approved.reference(), approvals.get(0).reference().orElseThrow());
        }
    }

    private static ReshareProposal proposeOne(Gateway gateway, GatewayHarness h) {
        Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0300", false));
        return gateway.reshare().propose(new ReshareRequest("east-power/EP-2026-0300", Optional.empty(), Grounds.VULNERABILITY,
                Optional.empty(), List.of(), false, List.of()));
    }

    private static List<AuditEntry> entries(Gateway gateway, AuditAction kind) {
        return gateway.audit().read(Optional.empty(), Optional.empty()).stream()
                .filter(e -> e.action().equals(kind.verb())).toList();
    }

    private static AuditEvent entry(AuditAction kind, long id) {
        return AuditEvent.of(ActorRef.gateway(), kind, null, Map.of("proposal", ReshareProposal.label(id)));
    }

    /** The real trail for reading; every append fails, as when the process dies between the state and its entry. */
    private record EntryNeverWritten(AuditLog real) implements AuditLog {
        @Override
        public List<AuditEntry> append(List<AuditEvent> events) {
            throw new AuditException("the trail could not be written");
        }

        @Override
        public List<AuditEntry> append(Connection transaction, List<AuditEvent> events) {
            throw new AuditException("the trail could not be written");
        }

        @Override
        public List<AuditEntry> read(Optional<Instant> from, Optional<Instant> to) {
            return real.read(from, to);
        }

        @Override
        public List<AuditEntry> trail(String reference) {
            return real.trail(reference);
        }

        @Override
        public Optional<AuditEntry> head() {
            return real.head();
        }

        @Override
        public void saveCheckpoint(AuditCheckpoint checkpoint) {
            real.saveCheckpoint(checkpoint);
        }

        @Override
        public List<AuditCheckpoint> checkpoints() {
            return real.checkpoints();
        }
    }
}
