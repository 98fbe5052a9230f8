package io.liaison.gateway.compose.openpgp;

import io.liaison.gateway.compose.ProtectedBody;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;

/**
 * A multipart/encrypted whose Content-Type carries the protocol parameter RFC 3156 requires;
 * MimeMultipart has no public way to add a parameter, only the protected content type. It is still a
 * MimeMultipart, so code that builds or inspects PGP/MIME directly keeps working with it.
 */
public final class PgpEncryptedMultipart extends MimeMultipart implements ProtectedBody {
    static final String PROTOCOL = "application/pgp-encrypted";

    PgpEncryptedMultipart() throws ParseException {
        super("encrypted");
        ContentType type = new ContentType(contentType);
        type.setParameter("protocol", PROTOCOL);
        contentType = type.toString();
    }

    @Override
    public void applyTo(MimePart part) throws MessagingException {
        part.setContent(this);
    }

    @Override
    public String mimeType() {
        return "multipart/encrypted";
    }
}
