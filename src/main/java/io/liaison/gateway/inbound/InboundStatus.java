package io.liaison.gateway.inbound;

/** Where a stored inbound message stands. */
public enum InboundStatus {
    /** Stored raw, not yet judged (or judging was interrupted: it is judged again when seen again). */
    RECEIVED,
    /** Verified and acted on. */
    ACCEPTED,
    /** Kept, never acted on; the claimed sender's point of contact is told. */
    QUARANTINED
}
