package io.liaison.gateway.inbound;

import io.liaison.gateway.compose.HandlingMark;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One signature over the decrypted content.
 *
 * @param issuer      the signing key's identifier as the signature names it (hex, or serial and issuer), for the log
 * @param certificate fingerprint of the registered certificate holding that key; empty when none does
 * @param createdAt   the signature's own (signed) creation time
 * @param notations   signed notations (name → value), e.g. a handling level bound into the signature
 * @param signedMark  the gateway's handling marking bound in the signature (OpenPGP notations
 *                    {@code tlp@liaison-gateway}…, or an S/MIME ESS security label), read exactly or not at
 *                    all; only ever present on a {@link Status#VALID} signature
 */
public record SignatureCheck(String issuer, Optional<String> certificate, Status status, Optional<Instant> createdAt,
                             Map<String, String> notations, Optional<HandlingMark> signedMark) {
    public SignatureCheck {
        notations = Map.copyOf(notations);
        if (status != Status.VALID && signedMark.isPresent()) {
            // A marking from a signature that does not count would be whatever the sender wanted.
            throw new IllegalArgumentException("a signed marking is reported only for a valid signature");
        }
    }

    /** Without a marking bound in the signature. */
    public SignatureCheck(String issuer, Optional<String> certificate, Status status, Optional<Instant> createdAt,
                          Map<String, String> notations) {
        this(issuer, certificate, status, createdAt, notations, Optional.empty());
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
