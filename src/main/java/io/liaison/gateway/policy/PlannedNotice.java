package io.liaison.gateway.policy;

import io.liaison.gateway.intake.NoticeDraft;
import java.util.List;

/**
 * A validated notice with the policy's plan for its first hop, ready to be numbered and stored, and
 * for an update or cancellation the further hops along the original's forwards.
 */
public record PlannedNotice(NoticeDraft draft, String originatorOrg, boolean originatorIsNisc, DeliveryPlan plan,
                            List<PlannedHop> onward) {
    public PlannedNotice {
        onward = List.copyOf(onward);
    }

    public PlannedNotice(NoticeDraft draft, String originatorOrg, boolean originatorIsNisc, DeliveryPlan plan) {
        this(draft, originatorOrg, originatorIsNisc, plan, List.of());
    }

    public int deliveryCount() {
        return plan.deliveries().size() + onward.stream().mapToInt(h -> h.plan().deliveries().size()).sum();
    }

    public int refusalCount() {
        return plan.refusals().size() + onward.stream().mapToInt(h -> h.plan().refusals().size()).sum();
    }
}
