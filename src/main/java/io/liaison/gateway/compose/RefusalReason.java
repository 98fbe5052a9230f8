package io.liaison.gateway.compose;

/** Why a recipient's certificate cannot be used; each one means "do not send this person plaintext either". */
public enum RefusalReason {
    /** The certificate is of a kind this protector does not speak (e.g. X.509 to the OpenPGP one). */
    WRONG_KIND,
    EXPIRED,
    REVOKED,
    /** Valid, but without a key that may encrypt (sign-only, or every encryption subkey expired or revoked). */
    NO_ENCRYPTION_KEY,
    /** A demo sample key met outside demo mode. */
    SAMPLE_KEY
}
