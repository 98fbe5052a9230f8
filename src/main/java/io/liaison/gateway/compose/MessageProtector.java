package io.liaison.gateway.compose;

import io.liaison.gateway.keys.RecipientCertificate;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;

/**
 * Protects a message's inner MIME entity for one recipient: signed by the gateway and encrypted to
 * the recipient's certificate, or refused. There is no unprotected fallback: a refusal is the
 * caller's cue to send a "you have a message you cannot read" notice or escalate, never plaintext.
 *
 * <p>Fan-out is split in two so the expensive signature is made once per notice rather than once
 * per recipient: {@link #prepare} signs, {@link #protectFor} encrypts. Implementations are
 * thread-safe.
 */
public interface MessageProtector {

    /**
     * Signs the inner entity once, dated {@code at}. Recipients are later checked against the same
     * instant, so a long fan-out judges every certificate by one clock reading. Missing MIME headers
     * of {@code content} (Content-Type, Content-Transfer-Encoding) are filled in on it first, since
     * the signed bytes must be exactly what the recipient will parse.
     */
    PreparedContent prepare(MimeBodyPart content, Instant at) throws ProtectionException;

    /**
     * Encrypts prepared content to one recipient.
     *
     * @throws ProtectionRefusedException carrying the recipient's fingerprint when the certificate is
     *                                    of the wrong kind, expired, revoked or cannot encrypt at
     *                                    {@link PreparedContent#at()}
     */
    MimeMultipart protectFor(PreparedContent content, RecipientCertificate recipient) throws ProtectionException;

    /** Sign and encrypt for a single recipient. */
    default MimeMultipart protect(MimeBodyPart content, RecipientCertificate recipient, Instant at)
            throws ProtectionException {
        return protectFor(prepare(content, at), recipient);
    }
}
