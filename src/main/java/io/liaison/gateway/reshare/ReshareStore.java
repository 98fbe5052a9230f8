package io.liaison.gateway.reshare;

import java.time.Instant;
import java.util.Optional;

/** Storage of proposals and their link to the source report; NISC-only, never read by anything that composes output. */
public interface ReshareStore {

    /** Stores a new proposal with its redactions, in one transaction; returns its id. */
    long propose(ReshareProposal proposal);

    Optional<ReshareProposal> find(long id);

    Optional<ReshareProposal> findByNotice(String reference);

    /** PROPOSED → APPROVED, only if still PROPOSED: two approvals at once cannot both send. */
    boolean markApproved(long id, String approverPoc, Instant now);

    /** APPROVED → PROPOSED, when the notice was refused and nothing was stored. */
    void revertApproval(long id);

    /** APPROVED → SENT with the re-share's reference. */
    void markSent(long id, String reference, Instant now);

    /**
     * After an interrupted approval: the notice the approver's send stored, if it got that far (same sender
     * and body, created after the approval).
     */
    Optional<String> noticeSentFor(ReshareProposal proposal);
}
