package io.liaison.gateway.application;

import io.liaison.gateway.numbering.Registrar;
import io.liaison.gateway.policy.DeliveryPlan;
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

    /**
     * What a forward or relay would do, judged by the same gate and nothing stored: the deliveries it
     * would make and every refusal with its reason, shown to the sender before it sends.
     */
    public ForwardPreview preview(Actor actor, String reference, List<String> to, boolean toMembers) {
        boolean visible = parts.notices().noticeVisibleTo(reference, actor.organisationId()).isPresent();
        guard.require(actor, Action.FORWARD_NOTICE, reference, visible);
        DeliveryPlan plan = parts.policy().planForward(new ForwardCommand(reference, actor.pocId(), to, toMembers)).plan();
        return new ForwardPreview(reference, plan.deliveries().stream().map(d -> new NoticePreview.Recipient(d.organisationId(),
                d.pocId(), d.channel().yamlName(), d.address(), d.role().name().toLowerCase(java.util.Locale.ROOT))).toList(),
                plan.refusals().stream().map(r -> new NoticePreview.Refused(r.organisationId(), r.pocId(),
                        r.channel().map(c -> c.yamlName()), r.reason())).toList());
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
