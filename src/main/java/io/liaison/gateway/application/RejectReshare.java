package io.liaison.gateway.application;

import io.liaison.gateway.reshare.Rejection;
import io.liaison.gateway.reshare.ReshareProposal;
import java.util.Map;
import java.util.Optional;

/**
 * A NISC approver rejects a proposed re-share, with a reason the proposer reads; nothing is sent and the
 * proposal is final (a corrected re-share is a new proposal).
 *
 * <p>Four eyes as for approval: the proposer cannot reject their own proposal. A rejection is the approver's
 * verdict, and the trail's {@code reshare.rejected} should always mean that a second person looked and said no;
 * a proposer who changes their mind simply leaves the proposal, or asks an approver. (By the table a duty
 * officer, who proposes, does not reject at all; the rule matters when one person holds both roles, or a
 * proposal reached the store under an approver's name.)
 */
public final class RejectReshare {
    private final ApplicationParts parts;
    private final Guard guard;

    RejectReshare(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    /** @param reason 1 to {@link Rejection#REASON_MAX} characters; blank or longer is refused, nothing stored */
    public ReshareProposal reject(Actor actor, String proposalLabel, String reason) {
        guard.require(actor, Action.REJECT_RESHARE, proposalLabel);
        ReshareProposal proposal = ApproveReshare.byLabel(parts, guard, actor, Action.REJECT_RESHARE, proposalLabel);
        Optional<String> proposer = proposal.proposedBy();
        if (proposer.isPresent() && proposer.get().equals(ProposeReshare.identity(actor))) {
            throw guard.refuse(actor, Action.REJECT_RESHARE, proposal.label(), ActionRefusedException.Rule.FOUR_EYES,
                    "four eyes: " + proposer.get() + " proposed " + proposal.label() + " and cannot also reject it");
        }
        return guard.perform(actor, Action.REJECT_RESHARE, null,
                () -> parts.reshare().reject(proposal.id(), actor.auditRef(), reason),
                p -> Map.of("proposal", p.label(), "proposed-by", proposer.orElse("unrecorded")));
    }
}
