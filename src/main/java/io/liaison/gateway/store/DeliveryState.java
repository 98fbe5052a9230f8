package io.liaison.gateway.store;

/** Where one (recipient, channel) delivery stands. */
public enum DeliveryState {
    /** Stored, waiting for its first attempt or its next retry. */
    PENDING,
    /** Claimed by a dispatcher; a crash leaves it here and a restart resumes it. */
    SENDING,
    /** Accepted by the channel's server (it may not have reached the person yet). */
    SENT,
    /** The server reported it reached the handset (SMS delivery receipt DELIVRD). */
    DELIVERED,
    /** Given up: permanent refusal by the server, retries exhausted, or a failure receipt from the SMSC. */
    FAILED
}
