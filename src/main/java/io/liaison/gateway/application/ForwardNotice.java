package io.liaison.gateway.application;

import io.liaison.gateway.numbering.Registrar;
import io.liaison.gateway.policy.ForwardCommand;
import java.util.List;
import java.util.Map;

/**
 * Forward (a ministry liaison to its sectors' CEPTOARs) or relay (a CEPTOAR to its members, the council
 * to its CEPTOARs) a notice the actor's organisation received, as the actor's point of contact. A
 * notice the organisation did not receive is NOT_FOUND; the gate then judges every hop as ever.
 */
public final class ForwardNotice {
    private final ApplicationParts parts;
    private final Guard guard;

    ForwardNotice(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public NoticeAccepted forward(Actor actor, String reference, List<String> to, boolean toMembers) {
        boolean visible = parts.notices().noticeVisibleTo(reference, actor.organisationId()).isPresent();
        guard.require(actor, Action.FORWARD_NOTICE, reference, visible);
        Registrar.Registered r = guard.perform(actor, Action.FORWARD_NOTICE, reference,
                () -> parts.chain().forward(new ForwardCommand(reference, actor.pocId(), to, toMembers)),
                done -> Map.of("to", toMembers ? "members" : String.join(",", to),
                        "deliveries", String.valueOf(done.deliveries()), "refusals", String.valueOf(done.refusals())));
        return new NoticeAccepted(r.reference(), r.deliveries(), r.refusals());
    }
}
