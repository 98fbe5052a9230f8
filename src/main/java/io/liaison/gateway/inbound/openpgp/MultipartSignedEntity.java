package io.liaison.gateway.inbound.openpgp;

import io.liaison.gateway.inbound.InboundRejection;
import io.liaison.gateway.inbound.ReasonCode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * RFC 3156 §5 / §6.1: a {@code multipart/signed; protocol="application/pgp-signature"} entity, as
 * Thunderbird/Enigmail-style clients put it inside the encryption. The signature is over the first
 * part <em>exactly as it stands between the boundaries</em>, headers included, in canonical form (CRLF
 * line ends) — so the part is cut out of the raw bytes, never re-serialised by a MIME library.
 *
 * @param signedPart the first body part, headers and content, with CRLF line ends
 * @param signature  the second part's content: the detached OpenPGP signature (armored or binary)
 */
record MultipartSignedEntity(byte[] signedPart, byte[] signature) {
    static final String PROTOCOL = "application/pgp-signature";
    /** A detached signature is a few hundred bytes; a larger one is not worth parsing. */
    static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    /** Empty unless {@code entity} is a PGP/MIME multipart/signed; a broken one is refused. */
    static Optional<MultipartSignedEntity> read(byte[] entity) throws InboundRejection {
        ContentType type;
        try {
            String header = new MimeBodyPart(new ByteArrayInputStream(entity)).getHeader("Content-Type", null);
            if (header == null) {
                return Optional.empty();
            }
            type = new ContentType(header);
        } catch (MessagingException e) {
            return Optional.empty(); // not this form: the intake judges the entity as it is
        }
        if (!type.match("multipart/signed") || !PROTOCOL.equalsIgnoreCase(type.getParameter("protocol"))) {
            return Optional.empty();
        }
        String boundary = type.getParameter("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "multipart/signed without a usable boundary");
        }
        String text = new String(entity, StandardCharsets.ISO_8859_1); // one char per byte: indices are byte offsets
        int body = bodyStart(text);
        String delimiter = "--" + boundary;
        int first = delimiterLine(text, delimiter, body);
        if (first < 0) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "multipart/signed without its first boundary");
        }
        int partStart = lineEnd(text, first);
        int second = delimiterLine(text, delimiter, partStart);
        if (second < 0) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "multipart/signed without the signature part");
        }
        int sigStart = lineEnd(text, second);
        int close = delimiterLine(text, delimiter, sigStart);
        if (close < 0 || !text.startsWith(delimiter + "--", close)) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "multipart/signed without its closing boundary after two parts");
        }
        // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
        String signed = text.substring(partStart, withoutLineBreak(text, second, partStart));
        byte[] signatureEntity = text.substring(sigStart, withoutLineBreak(text, close, sigStart)).getBytes(StandardCharsets.ISO_8859_1);
        return Optional.of(new MultipartSignedEntity(canonical(signed).getBytes(StandardCharsets.ISO_8859_1),
                signatureContent(signatureEntity)));
    }

    private static byte[] signatureContent(byte[] entity) throws InboundRejection {
        try {
            MimeBodyPart part = new MimeBodyPart(new ByteArrayInputStream(entity));
            if (!part.isMimeType(PROTOCOL)) {
                throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "the second part of multipart/signed is not " + PROTOCOL);
            }
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_SIGNATURE_BYTES + 1);
                if (bytes.length > MAX_SIGNATURE_BYTES) {
                    throw new InboundRejection(ReasonCode.OVERSIZED_PART, "the detached signature is larger than "
                            + MAX_SIGNATURE_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (MessagingException | IOException e) {
            throw new InboundRejection(ReasonCode.SIGNATURE_INVALID, "the detached signature part cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static int bodyStart(String text) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return crlf + 4;
        }
        return lf < 0 ? text.length() : lf + 2;
    }

    /** The offset of the next line that is the delimiter (optionally followed by "--" and/or blanks), or -1. */
    private static int delimiterLine(String text, String delimiter, int from) {
        int at = from;
        while (at <= text.length()) {
            if (text.startsWith(delimiter, at)) {
                int rest = at + delimiter.length();
                int end = text.indexOf('\n', rest);
                String tail = text.substring(rest, end < 0 ? text.length() : end).replace("\r", "");
                if (tail.isBlank() || tail.startsWith("--")) {
                    return at;
                }
            }
            int next = text.indexOf('\n', at);
            if (next < 0) {
                return -1;
            }
            at = next + 1;
        }
        return -1;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end + 1;
    }

    private static int withoutLineBreak(String text, int delimiterAt, int floor) {
        int end = delimiterAt;
        if (end > floor && text.charAt(end - 1) == '\n') {
            end--;
            if (end > floor && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    /** CRLF line ends, as the signature was made over (RFC 3156 §5). */
    static String canonical(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
                out.write('\r');
            }
            out.write(c);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
