package io.liaison.gateway.inbound;

/** A check failed: the message is quarantined with this reason and never acted on. */
public final class InboundRejection extends Exception {
    private final ReasonCode reason;

    public InboundRejection(ReasonCode reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public ReasonCode reason() {
        return reason;
    }

    /** What failed, for the duty officer; may quote (sanitised) parts of the message. */
    public String detail() {
        return getMessage();
    }
}
