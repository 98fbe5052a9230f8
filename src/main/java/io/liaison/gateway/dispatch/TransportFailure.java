package io.liaison.gateway.dispatch;

/**
 * A channel's server did not accept a message. {@code permanent} failures are not retried; temporary
 * ones are retried with back-off. The message says why, never what the message contained.
 */
public final class TransportFailure extends Exception {
    private final boolean permanent;

    private TransportFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public static TransportFailure temporary(String reason, Throwable cause) {
        return new TransportFailure(reason, false, cause);
    }

    public static TransportFailure permanent(String reason, Throwable cause) {
        return new TransportFailure(reason, true, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
