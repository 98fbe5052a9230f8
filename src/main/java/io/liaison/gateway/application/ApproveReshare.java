package io.liaison.gateway.application;

import io.liaison.gateway.reshare.ProposalFilter;
import io.liaison.gateway.reshare.ReshareDesk;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A NISC approver approves a proposed re-share, which is then sent under the normal policy. Four eyes:
 * the approver is never the proposer (compared by person, else by point of contact), and only the
 * approver role approves. Also NISC's reads of proposals: one, or the list.
 */
public final class ApproveReshare {
    /** The most a list answers; the newest first, so the pending ones a duty day produces always fit. */
    public static final int MAX_LIST = 200;

    private final ApplicationParts parts;
    private final Guard guard;

    ApproveReshare(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public ReshareApproved approve(Actor actor, String proposalLabel) {
        guard.require(actor, Action.APPROVE_RESHARE, proposalLabel);
        ReshareProposal proposal = byLabel(parts, guard, actor, Action.APPROVE_RESHARE, proposalLabel);
        Optional<String> proposer = proposal.proposedBy();
        if (proposer.isPresent() && proposer.get().equals(ProposeReshare.identity(actor))) {
            throw guard.refuse(actor, Action.APPROVE_RESHARE, proposal.label(), ActionRefusedException.Rule.FOUR_EYES,
                    "four eyes: " + proposer.get() + " proposed " + proposal.label() + " and cannot also approve it");
        }
        ReshareDesk.Approved approved = guard.perform(actor, Action.APPROVE_RESHARE, null,
                () -> parts.reshare().approve(proposal.id(), actor.pocId()),
                a -> Map.of("proposal", a.proposal().label(), "sent-as", a.reference(), "proposed-by", proposer.orElse("unrecorded")));
        return new ReshareApproved(approved.proposal(), approved.reference());
    }

    /** A proposal as NISC sees it: its source, every removal, its state. Unknown: NOT_FOUND (after the table). */
    public ReshareProposal show(Actor actor, String labelOrReference) {
        guard.require(actor, Action.VIEW_RESHARE, labelOrReference);
        return parts.reshare().find(labelOrReference).orElseThrow(() -> guard.notFound(actor, Action.VIEW_RESHARE, labelOrReference,
                "no re-share proposal " + labelOrReference + "; give its label (RS-0001) or the reference of the notice it became"));
    }

    /** The proposals in the filter's states, newest first, at most {@code limit} (1 to {@link #MAX_LIST}). */
    public List<ReshareSummary> list(Actor actor, ProposalFilter filter, int limit) {
        guard.require(actor, Action.VIEW_RESHARE, "");
        return parts.reshare().list(filter, Math.max(1, Math.min(limit, MAX_LIST)));
    }

    /**
     * The proposal a decision names, by its label only (a notice reference names a proposal already sent);
     * a label that names nothing is NOT_FOUND, asked only once the table allowed the action.
     */
    static ReshareProposal byLabel(ApplicationParts parts, Guard guard, Actor actor, Action action, String label) {
        Optional<ReshareProposal> found = ReshareProposal.parseLabel(label).flatMap(id -> parts.reshare().find(ReshareProposal.label(id)));
        return found.orElseThrow(() -> guard.notFound(actor, action, label, ReshareProposal.parseLabel(label).isPresent()
                ? "no re-share proposal " + label : "no re-share proposal \"" + label + "\"; they look like RS-0001"));
    }
}
