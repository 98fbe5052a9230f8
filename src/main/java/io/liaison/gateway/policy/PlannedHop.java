package io.liaison.gateway.policy;

/**
 * A further hop stored with a notice: where an update or cancellation travels a forward of the original,
 * it is recorded on a hop of the forwarder's, as the original was, so the chain shows who passed it on.
 */
public record PlannedHop(String action, String senderOrg, String senderPoc, DeliveryPlan plan) {
}
