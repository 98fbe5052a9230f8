package io.liaison.gateway.testing;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Finding what the gateway sent, in what an SMTP server received. */
public final class ReceivedMail {
    private ReceivedMail() {
    }

    /** The messages addressed to {@code address} whose Subject mentions {@code reference}. */
    public static List<MimeMessage> to(MimeMessage[] received, String address, String reference) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : received) {
            boolean addressed = false;
            for (Address a : m.getAllRecipients()) {
                addressed |= a.toString().contains(address);
            }
            if (addressed && m.getSubject() != null && m.getSubject().contains(reference)) {
                found.add(m);
            }
        }
        return found;
    }

    /** The armored OpenPGP message of a PGP/MIME e-mail (RFC 3156: the second part of multipart/encrypted). */
    public static String pgpPayload(MimeMessage message) throws MessagingException, IOException {
        Multipart multipart = (Multipart) message.getContent();
        BodyPart encrypted = multipart.getBodyPart(1);
        try (InputStream in = encrypted.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
