package io.liaison.gateway.compose.openpgp;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;

/**
 * A multipart/encrypted whose Content-Type carries the protocol parameter RFC 3156 requires;
 * MimeMultipart has no public way to add a parameter, only the protected content type.
 */
final class PgpEncryptedMultipart extends MimeMultipart {
    static final String PROTOCOL = "application/pgp-encrypted";

    PgpEncryptedMultipart() throws ParseException {
        super("encrypted");
        ContentType type = new ContentType(contentType);
        type.setParameter("protocol", PROTOCOL);
        contentType = type.toString();
    }
}
