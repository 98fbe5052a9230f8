package io.liaison.gateway.application;

import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareRequest;
import java.util.Map;

/**
 * NISC's duty officer proposes a sanitised re-share of an operator's incident report. Nothing is sent;
 * the proposal records who proposed it, so that the approval goes to someone else.
 */
public final class ProposeReshare {
    private final ApplicationParts parts;
    private final Guard guard;

    ProposeReshare(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public ReshareProposal propose(Actor actor, ReshareRequest request) {
        guard.require(actor, Action.PROPOSE_RESHARE, request.incidentKey());
        return guard.perform(actor, Action.PROPOSE_RESHARE, null,
                () -> parts.reshare().propose(request, java.util.Optional.of(identity(actor))),
                p -> Map.of("proposal", p.label(), "incident", p.incidentKey(), "report", String.valueOf(p.reportNumber())));
    }

    /** Who acted, for four eyes: the person when known, else the point of contact. */
    static String identity(Actor actor) {
        return actor.person().map(PersonId::value).orElse(actor.pocId());
    }
}
