package io.liaison.gateway.application;

import java.util.List;

/**
 * What a resend did: the deliveries put back in the queue, and those not, each with the reason (the
 * agreement no longer covers it, the contact or channel left the directory, the key is unusable, it
 * was not failed).
 */
public record ResendOutcome(List<Long> requeued, List<NotResent> notResent) {
    public ResendOutcome {
        requeued = List.copyOf(requeued);
        notResent = List.copyOf(notResent);
    }

    public record NotResent(long deliveryId, String organisationId, String pocId, String channel, String reason) {
    }
}
