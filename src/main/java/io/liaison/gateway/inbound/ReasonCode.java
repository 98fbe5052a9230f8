package io.liaison.gateway.inbound;

/**
 * Why an inbound message was quarantined. Each code names one check, so the sender's point of contact
 * and the duty officer know what to fix; the code goes into the notice to the claimed sender, the
 * detail text stays in the gateway.
 */
public enum ReasonCode {
    /** Not a MIME message at all: no header section. */
    MALFORMED_MIME("not a MIME message"),
    /** A multipart ends before its closing boundary, or an entity is cut short. */
    MIME_TRUNCATED("the MIME structure is cut short"),
    /** A header value carries a bare CR or LF, a NUL, or a decoded line break; or a single header occurs twice. */
    HEADER_INJECTION("a header carries line breaks or is repeated"),
    /** From, Date or Message-ID is missing or cannot be read. */
    HEADER_MISSING("From, Date or Message-ID is missing or unreadable"),
    /** The whole message is larger than gateway.inbound.max-message-bytes. */
    OVERSIZED_MESSAGE("the message is too large"),
    /** A MIME part is larger than gateway.inbound.max-part-bytes. */
    OVERSIZED_PART("a part of the message is too large"),
    /** The decrypted, decompressed content grows past gateway.inbound.max-decompressed-bytes (a decompression bomb). */
    DECOMPRESSION_LIMIT("the content expands beyond the size limit"),
    /** Multiparts nested deeper than gateway.inbound.max-mime-depth. */
    MIME_TOO_DEEP("the MIME structure is nested too deeply"),
    /** More MIME parts than gateway.inbound.max-mime-parts. */
    TOO_MANY_PARTS("the message has too many parts"),
    /** More header fields in one header section than gateway.inbound.max-header-fields. */
    TOO_MANY_HEADERS("the message has too many header fields"),
    /** One header field, with its folded lines, is longer than gateway.inbound.max-header-bytes. */
    HEADER_TOO_LONG("a header field is too long"),
    /** A line is longer than gateway.inbound.max-line-bytes. */
    LINE_TOO_LONG("a line of the message is too long"),
    /** An ASN.1 (CMS) structure is nested deeper than gateway.inbound.max-asn1-depth. */
    STRUCTURE_TOO_DEEP("the encrypted or signed structure is nested too deeply"),
    /** The machine-readable part exceeds a document limit (depth, aliases, length of a number or text). */
    FORMAT_LIMIT("the machine-readable part exceeds a size limit"),
    /** The Message-ID was seen before, or the same signed content arrived before. */
    REPLAY_MESSAGE_ID("the message was received before"),
    /** Date header or signature time lies outside the accepted window around the gateway's clock. */
    REPLAY_DATE_OUTSIDE_WINDOW("the message is too old or dated in the future"),
    /** No encryption at all (plain text, or signed only). */
    NOT_ENCRYPTED("the message is not encrypted"),
    /** Encrypted in a form the gateway does not accept, or the parts of multipart/encrypted are wrong, or no machine-readable part. */
    WRONG_CONTENT_TYPE("the content types are not the expected ones"),
    /** The decrypted content is itself encrypted. */
    ENCRYPTION_NESTED("encryption nested inside encryption"),
    /** Encrypted, but not to the gateway's key, or damaged. */
    DECRYPTION_FAILED("the gateway could not decrypt the message"),
    /** Encrypted only to a gateway key retired after a key rollover: the sender still uses the old certificate. */
    ENCRYPTED_TO_RETIRED_KEY("the message is encrypted to a retired gateway key"),
    /** Decrypted, but carries no signature. */
    UNSIGNED("the message is not signed"),
    /** A signature does not verify: the content was changed, or it was made over other content. */
    SIGNATURE_INVALID("the signature does not verify"),
    /** Signed by a key that is not a registered point of contact's. */
    UNKNOWN_SIGNER("the signing key is not registered"),
    /** Signed by a registered key that was revoked. */
    SIGNER_KEY_REVOKED("the signing key is revoked"),
    /** Signed by a registered key that had expired. */
    SIGNER_KEY_EXPIRED("the signing key has expired"),
    /** The From address is not a registered address of the signer's organisation. */
    FROM_SIGNER_MISMATCH("the sender address does not belong to the signer's organisation"),
    /** The handling level outside (Subject, X-TLP) differs from the one inside the signed content. */
    MARKING_CHANGED("the handling level was changed after signing"),
    /** The machine-readable part is not a valid document. */
    FORMAT_INVALID("the machine-readable part is not valid"),
    /** An acknowledgement names a notice the gateway never sent. */
    ACK_UNKNOWN_REFERENCE("the acknowledged reference is unknown"),
    /** An acknowledgement of a notice the signer's organisation never received. */
    ACK_NOT_A_RECIPIENT("the acknowledged notice was not sent to the signer's organisation"),
    /**
     * A signed plain-text or HTML reply (no machine-readable part) that quotes no confirmation code issued to
     * its signer together with that code's reference: nothing to confirm.
     */
    TEXT_REPLY_WITHOUT_CODE("the reply quotes no confirmation code of yours with its reference"),
    /** Something the gateway did not foresee; the raw message is stored for the duty officer. */
    INTERNAL_ERROR("the gateway could not process the message");

    private final String summary;

    ReasonCode(String summary) {
        this.summary = summary;
    }

    /** One line, safe to send to the claimed sender: says what failed, quotes nothing from the message. */
    public String summary() {
        return summary;
    }
}
