package io.liaison.gateway.track.escalation;

import io.liaison.gateway.policy.PlannedDelivery;
import java.util.List;

/**
 * What one escalation step sends, as a hop of the notice: the hop's action and sender, its deliveries
 * (none when nothing could be sent), and a line saying what was done for the record.
 */
public record StepPlan(String hopAction, String senderOrg, String senderPoc, List<PlannedDelivery> deliveries, String detail) {
    public StepPlan {
        deliveries = List.copyOf(deliveries);
    }
}
