package io.liaison.gateway.dispatch.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A composed message serialised once, on the thread that composed it, so that the one SMTP
 * connection only streams bytes: the MIME rendering runs in parallel with the other compositions
 * instead of on the single sending thread. The envelope (From, To, Message-ID) stays readable.
 */
final class RenderedMessage extends MimeMessage {
    /** What the SMTP transport leaves out when it writes a message; rendered the same way here. */
    private static final String[] NOT_SENT = {"Bcc", "Content-Length"};

    private final byte[] bytes;

    private RenderedMessage(Session session, byte[] bytes) {
        super(session);
        this.bytes = bytes;
    }

    static RenderedMessage of(MimeMessage composed) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            composed.writeTo(out, NOT_SENT);
        } catch (IOException e) {
            throw new MessagingException("could not render the message", e);
        }
        RenderedMessage rendered = new RenderedMessage(composed.getSession(), out.toByteArray());
        Address[] from = composed.getFrom();
        if (from != null) {
            rendered.addFrom(from);
        }
        for (Message.RecipientType type : new Message.RecipientType[] {Message.RecipientType.TO, Message.RecipientType.CC, Message.RecipientType.BCC}) {
            Address[] to = composed.getRecipients(type);
            if (to != null) {
                rendered.setRecipients(type, to);
            }
        }
        String id = composed.getMessageID();
        if (id != null) {
            rendered.setHeader("Message-ID", id);
        }
        return rendered;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        os.write(bytes);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
        os.write(bytes);
    }

    @Override
    public int getSize() {
        return bytes.length;
    }

    @Override
    protected void updateMessageID() {
        // the composed message's id is kept: a resent delivery must carry the same one
    }
}
