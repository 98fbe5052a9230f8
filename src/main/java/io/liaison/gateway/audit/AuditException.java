package io.liaison.gateway.audit;

/** The trail could not be written or read; the action it describes should not stand without it. */
public final class AuditException extends RuntimeException {
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditException(String message) {
        super(message);
    }
}
