package io.liaison.gateway.keys;

import java.time.Instant;
import java.util.Optional;

/**
 * A point of contact's encryption certificate. Callers see identity and validity only, never key
 * material: the composer that encrypts to it is the one place that unwraps it.
 */
public interface RecipientCertificate {

    /** Upper-case hex fingerprint of the primary key, the identifier used in every refusal. */
    String fingerprint();

    /** When the certificate stops being usable, if it ever does. */
    Optional<Instant> expiresAt();

    /** True when, at {@code at}, the certificate is neither expired nor revoked and has an encryption-capable key. */
    boolean usableForEncryptionAt(Instant at);

    /** True for the demo's sample keys, which the gateway refuses outside demo mode. */
    boolean isSample();

    /**
     * Judges the certificate against {@code policy} at {@code at}. This default only knows expiry and
     * encryption capability; the OpenPGP and S/MIME certificates override it to check algorithms, key
     * sizes and signature hashes as well.
     */
    default KeyAssessment assess(KeyPolicy policy, Instant at) {
        java.util.List<KeyFinding> findings = new java.util.ArrayList<>();
        Optional<Instant> expiry = expiresAt();
        if (expiry.isPresent() && !at.isBefore(expiry.get())) {
            findings.add(KeyFinding.of(KeyDefect.EXPIRED, "expired at " + expiry.get()));
        } else if (!usableForEncryptionAt(at)) {
            findings.add(KeyFinding.of(KeyDefect.NO_ENCRYPTION_KEY, "no key usable for encryption at " + at));
        }
        return KeyAssessment.of(fingerprint(), findings, expiry);
    }
}
