package io.liaison.gateway.compose;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.io.OutputStream;

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

    /**
     * Writes this body as a message's entity: its content header fields (Content-Type and the others
     * {@link #applyTo} sets), an empty line, and the content, with CRLF line ends. The message's own
     * header fields come before it, written by the caller. This default puts the body into a throw-away
     * message and lets JavaMail write it; a body may write the same thing more directly.
     */
    default void writeEntity(OutputStream out) throws IOException, MessagingException {
        MimeMessage carrier = new MimeMessage((Session) null);
        applyTo(carrier);
        carrier.saveChanges();
        carrier.writeTo(out, new String[] {"Message-ID", "MIME-Version", "Date"});
    }
}
