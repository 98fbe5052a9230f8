package io.liaison.gateway.inbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a message may be answered at all (RFC 3834): an automatic message — an auto-reply, a bounce,
 * a list's or bulk mail — or one from the gateway's own address is never answered, whatever it holds, so
 * no quarantine notice can start a mail loop or be aimed at a contact through a mailing list. The reason
 * is a fixed phrase naming the header: nothing of the header's value is repeated.
 */
final class MailLoopGuard {
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk");

    private MailLoopGuard() {
    }

    /** Why no notice may answer {@code outer}; empty when it may be answered. */
    static Optional<String> whyNotAnswer(MimeMessage outer, List<String> ownAddresses) {
        for (String value : headers(outer, "Auto-Submitted")) {
            // RFC 3834: "no" is the only value of a message a person sent; anything else (or garbage) is automatic.
            if (!token(value).equals("no")) {
                return Optional.of("the message is automatic (Auto-Submitted)");
            }
        }
        for (String value : headers(outer, "Precedence")) {
            if (BULK_PRECEDENCE.contains(token(value))) {
                return Optional.of("the message is bulk or list mail (Precedence)");
            }
        }
        for (String value : headers(outer, "Return-Path")) {
            if (value.replaceAll("\\s", "").equals("<>")) {
                return Optional.of("the message has a null Return-Path (a bounce)");
            }
        }
        try {
            if (outer.isMimeType("multipart/report")) {
                return Optional.of("the message is a delivery or read report (multipart/report)");
            }
        } catch (MessagingException | RuntimeException e) {
            // an unreadable Content-Type decides nothing here
        }
        for (String header : List.of("From", "Sender")) {
            for (String value : headers(outer, header)) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        if (a.getAddress() != null && ownAddresses.contains(a.getAddress().trim().toLowerCase(Locale.ROOT))) {
                            return Optional.of("the message claims to come from the gateway's own address");
                        }
                    }
                } catch (MessagingException | RuntimeException e) {
                    // an unreadable address is not the gateway's
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> headers(MimeMessage outer, String name) {
        try {
            String[] values = outer.getHeader(name);
            return values == null ? List.of() : List.of(values);
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
    }

    private static String token(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int semicolon = v.indexOf(';');
        return (semicolon < 0 ? v : v.substring(0, semicolon)).strip();
    }
}
