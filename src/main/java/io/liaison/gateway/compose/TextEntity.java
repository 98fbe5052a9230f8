package io.liaison.gateway.compose;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import java.nio.charset.StandardCharsets;

/**
 * The plain-text entity a notice is signed as: {@code text/plain; charset=UTF-8} with 8bit transfer
 * encoding. Written two ways that must give the same bytes: as a MIME part (for protectors that need
 * one) and directly (for the per-recipient fan-out, where serialising a part through JavaMail's
 * content handlers cost a fifth of composing a message).
 */
public final class TextEntity {
    private static final byte[] HEADERS = ("Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    /** The payload's type when it carries protected header fields. */
    public static final String PROTECTED_TYPE = "text/plain; charset=UTF-8; " + ProtectedHeaders.PAYLOAD_PARAMETERS;

    private TextEntity() {
    }

    /** The entity as a MIME part; its Content-Type is filled in when a message containing it is saved. */
    public static MimeBodyPart part(String text) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setText(text, "UTF-8");
            // Inside the encryption 8bit is safe, and it keeps what gpg --decrypt prints readable.
            part.setHeader("Content-Transfer-Encoding", "8bit");
            return part;
        } catch (MessagingException e) {
            throw new IllegalStateException("a text part cannot be built", e);
        }
    }

    /**
     * The entity carrying protected header fields (RFC 9788): Content-Type with the {@code hp} and
     * legacy {@code protected-headers} parameters, the true Subject, From, To, Date, Message-ID and
     * marking fields, and an {@code HP-Outer} copy of each outer field.
     */
    public static MimeBodyPart part(String text, ProtectedHeaders headers) {
        try {
            MimeBodyPart part = part(text);
            part.setHeader("Content-Type", PROTECTED_TYPE);
            for (String[] field : headers.innerFields()) {
                part.addHeader(field[0], field[1]);
            }
            return part;
        } catch (MessagingException e) {
            throw new IllegalStateException("a text part cannot be built", e);
        }
    }

    /** As {@link #part(String, ProtectedHeaders)}, written directly. */
    public static byte[] bytes(String text, ProtectedHeaders headers) {
        byte[] head = ("Content-Type: " + PROTECTED_TYPE + "\r\nContent-Transfer-Encoding: 8bit\r\n"
                + headers.innerLines() + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** The entity's bytes exactly as {@link #part} serialises them once its headers are complete. */
    public static byte[] bytes(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[HEADERS.length + body.length];
        System.arraycopy(HEADERS, 0, out, 0, HEADERS.length);
        System.arraycopy(body, 0, out, HEADERS.length, body.length);
        return out;
    }
}
