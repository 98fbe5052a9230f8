package io.liaison.gateway.policy;

import io.liaison.gateway.intake.NoticeDraft;

/** A validated notice with the policy's plan for its first hop, ready to be numbered and stored. */
public record PlannedNotice(NoticeDraft draft, String originatorOrg, boolean originatorIsNisc, DeliveryPlan plan) {
}
