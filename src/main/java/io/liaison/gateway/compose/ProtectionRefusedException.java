package io.liaison.gateway.compose;

import java.util.Objects;

/**
 * The recipient's certificate is not usable, so nothing was produced for them. Carries the
 * fingerprint so the refusal can be reported against the right key and the right person chased.
 */
public final class ProtectionRefusedException extends ProtectionException {
    private final String fingerprint;
    private final RefusalReason reason;

    public ProtectionRefusedException(String fingerprint, RefusalReason reason, String detail) {
        super("refusing to protect for certificate " + fingerprint + ": " + detail);
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String fingerprint() {
        return fingerprint;
    }

    public RefusalReason reason() {
        return reason;
    }
}
