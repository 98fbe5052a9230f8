package io.liaison.gateway.reshare;

import java.time.Instant;
import java.util.Optional;

/** Storage of proposals and their link to the source report; NISC-only, never read by anything that composes output. */
public interface ReshareStore {

    /** Stores a new proposal with its redactions, in one transaction; returns its id. */
    /**
     * Stores a proposal and, in the same transaction, the audit entry {@code audited} makes of its id: a crash
     * leaves both or neither.
     */
    long propose(ReshareProposal proposal, java.util.function.LongFunction<io.liaison.gateway.audit.AuditEvent> audited);

    Optional<ReshareProposal> find(long id);

    Optional<ReshareProposal> findByNotice(String reference);

    /** PROPOSED → APPROVED, only if still PROPOSED: two approvals at once cannot both send. */
    boolean markApproved(long id, String approverPoc, Instant now);

    /** APPROVED → PROPOSED, when the notice was refused and nothing was stored. */
    void revertApproval(long id);

    /** APPROVED → SENT with the re-share's reference. */
    /** Records the notice a proposal became, with its audit entry in the same transaction. */
    void markSent(long id, String reference, Instant now, io.liaison.gateway.audit.AuditEvent audited);

    /**
     * After an interrupted approval: the notice the approver's send stored, if it got that far (same sender
     * and body, created after the approval).
     */
    Optional<String> noticeSentFor(ReshareProposal proposal);

    /**
     * PROPOSED → REJECTED with the approver's reason, and {@code audited} in the same transaction; false, and
     * nothing written, when the proposal is no longer PROPOSED (approved or rejected meanwhile).
     */
    boolean markRejected(long id, Rejection rejection, io.liaison.gateway.audit.AuditEvent audited);

    /** Proposals in any of {@code states}, newest first, at most {@code limit}. */
    java.util.List<ReshareSummary> list(java.util.Set<ReshareProposal.State> states, int limit);
}
