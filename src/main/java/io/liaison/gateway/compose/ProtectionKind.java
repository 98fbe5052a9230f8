package io.liaison.gateway.compose;

/** The two envelopes the gateway speaks; a point of contact's certificate decides which one they get. */
public enum ProtectionKind {
    /** PGP/MIME, RFC 3156, OpenPGP v4 or v6 (RFC 9580). */
    OPENPGP,
    /** S/MIME 4.0, RFC 8551: CMS signed, then enveloped. */
    SMIME
}
