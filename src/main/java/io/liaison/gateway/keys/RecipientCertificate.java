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
}
