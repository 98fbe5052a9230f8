package io.liaison.gateway.policy;

/** A forward the policy has decided on, ready to be stored as a hop. */
public record PlannedForward(String reference, String senderOrg, String senderPoc, DeliveryPlan plan) {
}
