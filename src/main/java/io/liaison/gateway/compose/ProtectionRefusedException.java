package io.liaison.gateway.compose;

import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyFinding;
import java.util.Objects;
import java.util.Optional;

/**
 * The recipient's certificate is not usable, so nothing was produced for them. Carries the
 * fingerprint, and once the composer knows it the point of contact, so the refusal can be reported
 * against the right key and the right person chased.
 */
public final class ProtectionRefusedException extends ProtectionException {
    private final String fingerprint;
    private final RefusalReason reason;
    private final String detail;
    private final String pointOfContact;

    public ProtectionRefusedException(String fingerprint, RefusalReason reason, String detail) {
        this(fingerprint, reason, detail, null);
    }

    private ProtectionRefusedException(String fingerprint, RefusalReason reason, String detail, String pointOfContact) {
        super("refusing to protect for " + (pointOfContact == null ? "" : "point of contact " + pointOfContact + ", ")
                + "certificate " + fingerprint + ": " + detail);
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.pointOfContact = pointOfContact;
    }

    /** The refusal for the first finding of a failed key-policy assessment. */
    public static ProtectionRefusedException of(KeyAssessment assessment) {
        KeyFinding finding = assessment.firstFinding()
                .orElseThrow(() -> new IllegalArgumentException("assessment of " + assessment.fingerprint() + " found nothing"));
        return new ProtectionRefusedException(assessment.fingerprint(), RefusalReason.of(finding.defect()), finding.detail());
    }

    /** The same refusal, naming the point of contact whose certificate it is. */
    public ProtectionRefusedException forPointOfContact(String pocId) {
        ProtectionRefusedException named = new ProtectionRefusedException(fingerprint, reason, detail, Objects.requireNonNull(pocId));
        named.setStackTrace(getStackTrace());
        return named;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public RefusalReason reason() {
        return reason;
    }

    /** The point of contact, when the refusal was made while composing for one. */
    public Optional<String> pointOfContact() {
        return Optional.ofNullable(pointOfContact);
    }
}
