package io.liaison.gateway.compose;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One delivery's e-mail, written out: the bytes as they go on the wire (header fields, the protected
 * entity, CRLF line ends), with the envelope's sender and recipient and the Message-ID alongside so a
 * transport need not parse them back. Immutable; the bytes are never handed out to be changed.
 */
public record ComposedMail(InternetAddress from, InternetAddress to, String messageId, byte[] bytes) {

    public ComposedMail {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Size in bytes, without copying them. */
    public int size() {
        return bytes.length;
    }

    /** Writes the bytes, without copying them. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    /** The mail parsed into a message whose Message-ID survives saveChanges (a resent delivery keeps it). */
    public MimeMessage message(Session session) throws MessagingException {
        return new KeptIdMessage(session, this);
    }

    private static final class KeptIdMessage extends MimeMessage {
        private final String id;

        KeptIdMessage(Session session, ComposedMail mail) throws MessagingException {
            super(session, new ByteArrayInputStream(mail.bytes));
            this.id = mail.messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
