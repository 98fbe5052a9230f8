package io.liaison.gateway.compose;

import io.liaison.gateway.keys.KeyDefect;

/** Why a recipient's certificate cannot be used; each one means "do not send this person plaintext either". */
public enum RefusalReason {
    /** The certificate is of a kind this protector does not speak (e.g. X.509 to the OpenPGP one). */
    WRONG_KIND,
    EXPIRED,
    /** Its validity starts later than the instant it is judged at. */
    NOT_YET_VALID,
    REVOKED,
    /** Valid, but without a key that may encrypt (sign-only, or every encryption subkey expired or revoked). */
    NO_ENCRYPTION_KEY,
    /** Refused by the key policy: RSA under 2048 bits, DSA/ElGamal, or bound by MD5/SHA-1 signatures. */
    WEAK_KEY,
    /** A demo sample key met outside demo mode. */
    SAMPLE_KEY;

    /** The refusal a key-policy finding leads to. */
    public static RefusalReason of(KeyDefect defect) {
        return switch (defect) {
            case EXPIRED -> EXPIRED;
            case NOT_YET_VALID -> NOT_YET_VALID;
            case REVOKED -> REVOKED;
            case NO_ENCRYPTION_KEY -> NO_ENCRYPTION_KEY;
            case WEAK_KEY_SIZE, WEAK_ALGORITHM, WEAK_SIGNATURE_HASH -> WEAK_KEY;
        };
    }
}
