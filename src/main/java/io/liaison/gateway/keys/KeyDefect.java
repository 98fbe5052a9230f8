package io.liaison.gateway.keys;

/** Why a certificate may not be used. Every defect means: nothing is encrypted to it, and nothing goes out in plaintext instead. */
public enum KeyDefect {
    EXPIRED,
    /** Its validity has not started yet (a clock problem or a certificate issued for later). */
    NOT_YET_VALID,
    REVOKED,
    /** Valid, but no key in it may encrypt (sign-only, or every encryption key expired or revoked). */
    NO_ENCRYPTION_KEY,
    /** RSA shorter than the policy's minimum, or an elliptic curve the policy does not accept. */
    WEAK_KEY_SIZE,
    /** DSA or ElGamal: retired algorithms (RFC 9580 deprecates them, RFC 8551 does not list DSA any more). */
    WEAK_ALGORITHM,
    /** A self-signature or certificate signature made with MD5, SHA-1 or another broken hash. */
    WEAK_SIGNATURE_HASH
}
