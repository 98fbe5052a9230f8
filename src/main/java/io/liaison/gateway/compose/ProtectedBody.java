package io.liaison.gateway.compose;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimePart;

/**
 * What a {@link MessageProtector} made for one recipient: the whole body of the message, with its
 * Content-Type. PGP/MIME gives a multipart/encrypted, S/MIME a single application/pkcs7-mime part,
 * so callers do not handle either directly; they put it into the envelope with {@link #applyTo}.
 */
public interface ProtectedBody {

    /**
     * Makes this the content of {@code part} (normally the MimeMessage), setting Content-Type and
     * whatever other content headers it needs. The caller sets From, To, Subject and so on.
     */
    void applyTo(MimePart part) throws MessagingException;

    /** The top-level MIME type, e.g. {@code multipart/encrypted} or {@code application/pkcs7-mime}. */
    String mimeType();
}
