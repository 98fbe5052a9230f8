package io.liaison.gateway.policy;

import java.util.List;

/** The policy's answer for one hop: what goes out, and what is refused and why. */
public record DeliveryPlan(List<PlannedDelivery> deliveries, List<Refusal> refusals) {
    public DeliveryPlan {
        deliveries = List.copyOf(deliveries);
        refusals = List.copyOf(refusals);
    }
}
