package io.liaison.gateway.compose;

import io.liaison.gateway.keys.RecipientCertificate;
import jakarta.mail.internet.MimeBodyPart;
import java.time.Instant;

/**
 * Protects a message's inner MIME entity for one recipient: signed by the gateway and encrypted to
 * the recipient's certificate, or refused. There is no unprotected fallback: a refusal is the
 * caller's cue to send a "you have a message you cannot read" notice or escalate, never plaintext.
 *
 * <p>Fan-out is split in two so the expensive signature is made once per notice rather than once
 * per recipient: {@link #prepare} signs, {@link #protectFor} encrypts. Implementations are
 * thread-safe. {@link ProtectorSelector} picks the implementation a recipient's certificate needs.
 */
public interface MessageProtector {

    /** Which envelope this protector makes. */
    ProtectionKind kind();

    /** True when {@code recipient} is a certificate of the kind this protector encrypts to. */
    boolean accepts(RecipientCertificate recipient);

    /**
     * Signs the inner entity once, dated {@code at}, with no handling marking inside the signature
     * (for content that has no level, e.g. a test message or a receipt). Notices use
     * {@link #prepare(MimeBodyPart, HandlingMark, Instant)}.
     */
    PreparedContent prepare(MimeBodyPart content, Instant at) throws ProtectionException;

    /**
     * Signs the inner entity once, dated {@code at}, binding {@code mark} inside the signature so
     * that a recipient can tell when the level or reference in the headers was changed. Recipients are
     * later checked against the same instant, so a long fan-out judges every certificate by one clock
     * reading. Missing MIME headers of {@code content} (Content-Type, Content-Transfer-Encoding) are
     * filled in on it first, since the signed bytes must be exactly what the recipient will parse.
     */
    PreparedContent prepare(MimeBodyPart content, HandlingMark mark, Instant at) throws ProtectionException;

    /**
     * As {@link #prepare(MimeBodyPart, HandlingMark, Instant)} for a plain-text entity: {@code text/plain;
     * charset=UTF-8}, 8bit (it travels only inside the encryption). A protector may write these bytes
     * directly rather than through a MIME part, as long as they are the same bytes.
     */
    default PreparedContent prepareText(String text, HandlingMark mark, Instant at) throws ProtectionException {
        return prepare(TextEntity.part(text), mark, at);
    }

    /**
     * As {@link #prepareText(String, HandlingMark, Instant)}, with the message's true header fields on
     * the signed entity (RFC 9788 header protection, {@link ProtectedHeaders}): the Subject with the
     * title is signed and encrypted, never in the clear.
     */
    default PreparedContent prepareText(String text, ProtectedHeaders headers, HandlingMark mark, Instant at)
            throws ProtectionException {
        return prepare(TextEntity.part(text, headers), mark, at);
    }

    /**
     * Encrypts prepared content to one recipient.
     *
     * @throws ProtectionRefusedException carrying the recipient's fingerprint when the certificate is
     *                                    of the wrong kind, expired, revoked, weak or cannot encrypt at
     *                                    {@link PreparedContent#at()}
     */
    ProtectedBody protectFor(PreparedContent content, RecipientCertificate recipient) throws ProtectionException;

    /** Sign and encrypt for a single recipient, unmarked. */
    default ProtectedBody protect(MimeBodyPart content, RecipientCertificate recipient, Instant at)
            throws ProtectionException {
        return protectFor(prepare(content, at), recipient);
    }

    /** Sign (binding {@code mark}) and encrypt for a single recipient. */
    default ProtectedBody protect(MimeBodyPart content, HandlingMark mark, RecipientCertificate recipient, Instant at)
            throws ProtectionException {
        return protectFor(prepare(content, mark, at), recipient);
    }
}
