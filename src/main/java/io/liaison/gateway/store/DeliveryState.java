package io.liaison.gateway.store;

/** Where one (recipient, channel) delivery stands. */
public enum DeliveryState {
    /** Stored, waiting for its first attempt or its next retry. */
    PENDING,
    /** Claimed by a dispatcher; a crash leaves it here and a restart resumes it. */
    SENDING,
    /** Accepted by the channel's server (it may not have reached the person yet). */
    SENT,
    /** Given up: permanent refusal by the server, or retries exhausted. */
    FAILED
}
