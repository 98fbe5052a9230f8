package io.liaison.gateway.application;

import io.liaison.gateway.reshare.ReshareDesk;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareRefusedException;
import java.util.Map;
import java.util.Optional;

/**
 * A NISC approver approves a proposed re-share, which is then sent under the normal policy. Four eyes:
 * the approver is never the proposer (compared by person, else by point of contact), and only the
 * approver role approves.
 */
public final class ApproveReshare {
    private final ApplicationParts parts;
    private final Guard guard;

    ApproveReshare(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public ReshareApproved approve(Actor actor, String proposalLabel) {
        guard.require(actor, Action.APPROVE_RESHARE, proposalLabel);
        long id = ReshareProposal.parseLabel(proposalLabel).orElseThrow(() -> new ReshareRefusedException(
                "\"" + proposalLabel + "\" is not a proposal id; they look like RS-0001"));
        ReshareProposal proposal = parts.reshare().show(proposalLabel);
        Optional<String> proposer = proposal.proposedBy();
        if (proposer.isPresent() && proposer.get().equals(ProposeReshare.identity(actor))) {
            throw guard.refuse(actor, Action.APPROVE_RESHARE, proposal.label(),
                    "four eyes: " + proposer.get() + " proposed " + proposal.label() + " and cannot also approve it");
        }
        ReshareDesk.Approved approved = guard.perform(actor, Action.APPROVE_RESHARE, null,
                () -> parts.reshare().approve(id, actor.pocId()),
                a -> Map.of("proposal", a.proposal().label(), "sent-as", a.reference(), "proposed-by", proposer.orElse("unrecorded")));
        return new ReshareApproved(approved.proposal(), approved.reference());
    }

    /** A proposal as NISC sees it: its source, every removal, its state. */
    public ReshareProposal show(Actor actor, String labelOrReference) {
        guard.require(actor, Action.VIEW_RESHARE, labelOrReference);
        return parts.reshare().show(labelOrReference);
    }
}
