package io.liaison.gateway.inbound;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One signature over the decrypted content.
 *
 * @param issuer      the signing key's identifier as the signature names it (hex), for the log
 * @param certificate fingerprint of the registered certificate holding that key; empty when none does
 * @param createdAt   the signature's own (signed) creation time
 * @param notations   signed notations (name → value), e.g. a handling level bound into the signature
 */
public record SignatureCheck(String issuer, Optional<String> certificate, Status status, Optional<Instant> createdAt,
                             Map<String, String> notations) {
    public SignatureCheck {
        notations = Map.copyOf(notations);
    }

    /** What the signature is worth. */
    public enum Status {
        VALID,
        /** Made by a registered key, but does not verify over this content. */
        INVALID,
        /** No registered certificate holds the signing key. */
        UNKNOWN_KEY,
        /** The registered key (or its certificate) is revoked. */
        KEY_REVOKED,
        /** The registered key had expired when it signed. */
        KEY_EXPIRED
    }
}
