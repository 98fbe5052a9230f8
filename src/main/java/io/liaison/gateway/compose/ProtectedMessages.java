package io.liaison.gateway.compose;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Puts protected content into a message envelope. */
public final class ProtectedMessages {

    private ProtectedMessages() {
    }

    /**
     * A new message whose whole body is {@code protectedContent}. The caller sets From, To, Subject
     * and any other headers; nothing is saved here, so a Message-ID the caller sets is not
     * overwritten before it is.
     */
    public static MimeMessage newMessage(Session session, MimeMultipart protectedContent) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setContent(protectedContent);
        return message;
    }
}
