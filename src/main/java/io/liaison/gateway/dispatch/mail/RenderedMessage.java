package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.compose.ComposedMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A composed mail as the SMTP transport wants it, a MimeMessage, that writes the composer's bytes as
 * they are: composing and writing run in parallel on the preparing threads, and the one SMTP
 * connection only streams bytes. The envelope (From, To, Message-ID) stays readable.
 */
final class RenderedMessage extends MimeMessage {
    private final ComposedMail mail;

    private RenderedMessage(Session session, ComposedMail mail) {
        super(session);
        this.mail = mail;
    }

    static RenderedMessage of(ComposedMail mail, Session session) throws MessagingException {
        RenderedMessage rendered = new RenderedMessage(session, mail);
        rendered.addFrom(new Address[] {mail.from()});
        rendered.setRecipient(Message.RecipientType.TO, mail.to());
        rendered.setHeader("Message-ID", mail.messageId());
        return rendered;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        mail.writeTo(os);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
        mail.writeTo(os);
    }

    @Override
    public int getSize() {
        return mail.size();
    }

    @Override
    protected void updateMessageID() {
        // the composed message's id is kept: a resent delivery must carry the same one
    }
}
