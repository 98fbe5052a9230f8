package io.liaison.gateway.inbound;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural checks of inbound MIME: header section, header injection, truncation, part sizes and
 * nested encryption. Parsing is strict: Jakarta Mail's leniencies (a missing closing boundary taken as
 * the end) would hide a truncated message.
 */
public final class MimeInspector {
    static final Session STRICT = strictSession();
    private static final Set<String> SINGLE_HEADERS = Set.of("from", "sender", "reply-to", "to", "subject", "date",
            "message-id", "content-type", "content-transfer-encoding", "mime-version", "x-tlp");
    private static final Pattern HEADER_NAME = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+:.*", Pattern.DOTALL);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@]+@[^<>\\s@]+>");
    private static final Set<String> ENCRYPTED_TYPES = Set.of("multipart/encrypted", "application/pkcs7-mime",
            "application/x-pkcs7-mime", "application/pgp-encrypted");
    private static final int HEADER_SCAN_LIMIT = 256 * 1024;

    private MimeInspector() {
    }

    private static Session strictSession() {
        Properties p = new Properties();
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "false");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
        p.setProperty("mail.mime.multipart.allowempty", "false");
        p.setProperty("mail.mime.address.strict", "true");
        return Session.getInstance(p);
    }

    /** Checks the raw header section before any parser sees it: parsers unfold and forgive what matters here. */
    static void checkRawHeaders(byte[] raw) throws InboundRejection {
        int end = headerEnd(raw);
        if (end < 0) {
            throw new InboundRejection(ReasonCode.MALFORMED_MIME, "no header section (no empty line within the first "
                    + HEADER_SCAN_LIMIT / 1024 + " KiB)");
        }
        String headers = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        if (!HEADER_NAME.matcher(headers).matches()) {
            throw new InboundRejection(ReasonCode.MALFORMED_MIME, "the first line is not a header field");
        }
        // A section that ends its lines with CRLF and holds a lone LF: one reader sees a new header there, another does not.
        int firstLf = firstLf(raw, end);
        boolean crlf = firstLf > 0 && raw[firstLf - 1] == '\r';
        for (int i = 0; i < end; i++) {
            byte b = raw[i];
            if (crlf && b == '\n' && raw[i - 1] != '\r') {
                throw new InboundRejection(ReasonCode.HEADER_INJECTION, "a bare LF inside a header section of CRLF lines");
            }
            if (b == 0) {
                throw new InboundRejection(ReasonCode.HEADER_INJECTION, "a NUL byte in the header section");
            }
            if (b == '\r' && (i + 1 >= raw.length || raw[i + 1] != '\n')) {
                throw new InboundRejection(ReasonCode.HEADER_INJECTION, "a bare CR inside a header value");
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String line : headers.split("\r?\n")) {
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new InboundRejection(ReasonCode.HEADER_INJECTION, "a header line without a field name");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (SINGLE_HEADERS.contains(name) && counts.merge(name, 1, Integer::sum) > 1) {
                throw new InboundRejection(ReasonCode.HEADER_INJECTION, "header " + name + " occurs more than once");
            }
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary\\s*=\\s*(?:\"([^\"\\r\\n]{1,200})\"|([^\\s;\"]{1,200}))",
            Pattern.CASE_INSENSITIVE);

    /**
     * Line length, and the count and length of header fields in every header section (the message's and
     * each part's), read from the raw bytes before Jakarta Mail builds anything from them: a parser holds
     * every part of a multipart and every header field at once, so these are refused while still bytes.
     * Parts are found by the delimiter lines of every boundary the message declares anywhere; a declared
     * boundary that is no real one can only make the count larger, never smaller.
     */
    public static void checkRawStructure(byte[] raw, InboundLimits limits, String what) throws InboundRejection {
        Set<String> delimiters = new java.util.HashSet<>();
        java.util.regex.Matcher m = BOUNDARY.matcher(new String(raw, StandardCharsets.ISO_8859_1));
        while (m.find() && delimiters.size() <= limits.maxMimeParts()) {
            delimiters.add("--" + (m.group(1) != null ? m.group(1) : m.group(2)));
        }
        boolean inHeader = true;
        int fields = 0;
        int fieldBytes = 0;
        int parts = 0;
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int length = end > start && raw[end - 1] == '\r' ? end - start - 1 : end - start;
            if (length > limits.maxLineBytes()) {
                throw new InboundRejection(ReasonCode.LINE_TOO_LONG, what + ": a line of " + length
                        + " bytes exceeds gateway.inbound.max-line-bytes (" + limits.maxLineBytes() + ")");
            }
            if (inHeader) {
                if (length == 0) {
                    inHeader = false;
                } else if (raw[start] == ' ' || raw[start] == '\t') {
                    fieldBytes += length + 2;
                } else {
                    fields++;
                    fieldBytes = length + 2;
                    if (fields > limits.maxHeaderFields()) {
                        throw new InboundRejection(ReasonCode.TOO_MANY_HEADERS, what + ": more than "
                                + limits.maxHeaderFields() + " header fields in one section (gateway.inbound.max-header-fields)");
                    }
                }
                if (fieldBytes > limits.maxHeaderBytes()) {
                    throw new InboundRejection(ReasonCode.HEADER_TOO_LONG, what + ": a header field longer than "
                            + "gateway.inbound.max-header-bytes (" + limits.maxHeaderBytes() + " bytes)");
                }
            } else if (length > 2 && raw[start] == '-' && raw[start + 1] == '-' && !delimiters.isEmpty()) {
                String line = new String(raw, start, length, StandardCharsets.ISO_8859_1).stripTrailing();
                boolean open = delimiters.contains(line);
                boolean close = !open && line.endsWith("--") && delimiters.contains(line.substring(0, line.length() - 2));
                if (open && ++parts > limits.maxMimeParts()) {
                    throw new InboundRejection(ReasonCode.TOO_MANY_PARTS, what + ": more than " + limits.maxMimeParts()
                            + " MIME parts (gateway.inbound.max-mime-parts)");
                }
                if (open || close) {
                    // After a delimiter comes a part's header section; after the close delimiter, an epilogue.
                    inHeader = open;
                    fields = 0;
                    fieldBytes = 0;
                }
            }
            start = end + 1;
        }
    }

    /** Offset of the first LF, at most {@code end} (the LF that ends the header section). */
    private static int firstLf(byte[] raw, int end) {
        for (int i = 0; i < end; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return end;
    }

    /** Offset of the empty line ending the header section, or -1. */
    private static int headerEnd(byte[] raw) {
        int limit = Math.min(raw.length, HEADER_SCAN_LIMIT);
        for (int i = 0; i < limit; i++) {
            if (raw[i] == '\n') {
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    return i;
                }
                if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                    return i;
                }
            }
        }
        return -1;
    }

    static MimeMessage parse(byte[] raw) throws InboundRejection {
        try {
            return new MimeMessage(STRICT, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new InboundRejection(ReasonCode.MALFORMED_MIME, "not parseable as MIME (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The one From mailbox, strictly parsed. */
    static InternetAddress from(MimeMessage message) throws InboundRejection {
        String header = header(message, "From").orElseThrow(() -> new InboundRejection(ReasonCode.HEADER_MISSING, "no From header"));
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(header, true);
        } catch (AddressException e) {
            throw new InboundRejection(ReasonCode.HEADER_MISSING, "the From header is not a readable address");
        }
        if (addresses.length != 1) {
            throw new InboundRejection(ReasonCode.HEADER_MISSING, "From must name exactly one mailbox, found " + addresses.length);
        }
        String personal = addresses[0].getPersonal();
        if (personal != null && hasLineBreakOrControl(personal)) {
            throw new InboundRejection(ReasonCode.HEADER_INJECTION, "the From display name decodes to control characters");
        }
        if (hasLineBreakOrControl(addresses[0].getAddress())) {
            throw new InboundRejection(ReasonCode.HEADER_INJECTION, "the From address carries control characters");
        }
        return addresses[0];
    }

    static String messageId(MimeMessage message) throws InboundRejection {
        String id = header(message, "Message-ID")
                .orElseThrow(() -> new InboundRejection(ReasonCode.HEADER_MISSING, "no Message-ID header")).trim();
        if (!MESSAGE_ID.matcher(id).matches()) {
            throw new InboundRejection(ReasonCode.HEADER_MISSING, "the Message-ID is not of the form <id@domain>");
        }
        return id;
    }

    /** The Subject decoded; encoded-words that decode to line breaks are an injection attempt. */
    static Optional<String> subject(MimeMessage message) throws InboundRejection {
        Optional<String> raw = header(message, "Subject");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = MimeUtility.decodeText(MimeUtility.unfold(raw.get()));
        } catch (IOException | RuntimeException e) {
            decoded = raw.get();
        }
        if (hasLineBreakOrControl(decoded)) {
            throw new InboundRejection(ReasonCode.HEADER_INJECTION, "the Subject decodes to line breaks or control characters");
        }
        return Optional.of(decoded.strip());
    }

    static Optional<String> header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[0]);
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasLineBreakOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7F)) {
                return true;
            }
        }
        return false;
    }

    static ContentType contentType(Part part) throws InboundRejection {
        try {
            String type = part.getContentType();
            return new ContentType(type == null ? "text/plain" : type);
        } catch (MessagingException e) {
            throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "the Content-Type cannot be read");
        }
    }

    /**
     * Walks every part: multiparts must be complete, nested no deeper than the limit (checked before each
     * level is parsed), leaves no larger than {@code maxPartBytes} (0: not checked). Returns the leaves in order.
     */
    static List<Part> leaves(Part root, int maxPartBytes, InboundLimits limits) throws InboundRejection {
        List<Part> out = new ArrayList<>();
        walk(root, maxPartBytes, limits, 0, new int[1], out);
        return out;
    }

    private static void walk(Part part, int maxPartBytes, InboundLimits limits, int depth, int[] parts, List<Part> out)
            throws InboundRejection {
        if (++parts[0] > limits.maxMimeParts()) {
            throw new InboundRejection(ReasonCode.TOO_MANY_PARTS, "more than " + limits.maxMimeParts()
                    + " MIME parts (gateway.inbound.max-mime-parts)");
        }
        try {
            if (part.isMimeType("multipart/*")) {
                if (depth >= limits.maxMimeDepth()) {
                    throw new InboundRejection(ReasonCode.MIME_TOO_DEEP, "multiparts nested deeper than "
                            + "gateway.inbound.max-mime-depth (" + limits.maxMimeDepth() + ")");
                }
                Object content = part.getContent();
                if (!(content instanceof Multipart multipart)) {
                    throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "a multipart without parts");
                }
                int count = multipart.getCount();
                requireClosingDelimiter(part);
                for (int i = 0; i < count; i++) {
                    walk(multipart.getBodyPart(i), maxPartBytes, limits, depth + 1, parts, out);
                }
                return;
            }
            if (maxPartBytes > 0) {
                long size = decodedSize(part, maxPartBytes);
                if (size > maxPartBytes) {
                    throw new InboundRejection(ReasonCode.OVERSIZED_PART, "a " + contentType(part).getBaseType()
                            + " part is larger than " + maxPartBytes + " bytes");
                }
            }
            out.add(part);
        } catch (MessagingException e) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "the MIME structure is incomplete: " + clip(e.getMessage()));
        } catch (IOException e) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "a part cannot be decoded: " + clip(e.getMessage()));
        }
    }

    /**
     * Jakarta Mail takes the end of the data as the end of a multipart unless a JVM-wide system property
     * says otherwise; the check is made here instead, on this part's own raw bytes.
     */
    private static void requireClosingDelimiter(Part part) throws MessagingException, IOException, InboundRejection {
        String boundary = new ContentType(part.getContentType()).getParameter("boundary");
        if (boundary == null) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "a multipart without a boundary parameter");
        }
        InputStream raw = part instanceof MimeMessage m ? m.getRawInputStream()
                : part instanceof MimeBodyPart b ? b.getRawInputStream() : null;
        if (raw == null) {
            return;
        }
        String body;
        try (InputStream in = raw) {
            body = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        if (!Pattern.compile("(?m)^--" + Pattern.quote(boundary) + "--[ \\t]*\r?$").matcher(body).find()) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "a multipart ends without its closing boundary");
        }
    }

    /** Reads at most one byte past the limit: enough to know, without holding a hostile part in memory. */
    private static long decodedSize(Part part, int limit) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(limit + 1).length;
        }
    }

    /** The inner entity, strictly parsed. */
    static MimeBodyPart innerEntity(byte[] entity) throws InboundRejection {
        try {
            return new MimeBodyPart(new ByteArrayInputStream(entity));
        } catch (MessagingException e) {
            throw new InboundRejection(ReasonCode.MALFORMED_MIME, "the decrypted content is not a MIME entity");
        }
    }

    /** Encryption inside encryption: an encrypted container at any depth, or an armored OpenPGP message in a text part. */
    static Optional<String> nestedEncryption(List<Part> leaves, Part root) throws InboundRejection {
        ContentType type = contentType(root);
        if (ENCRYPTED_TYPES.contains(type.getBaseType().toLowerCase(Locale.ROOT))) {
            return Optional.of(type.getBaseType());
        }
        for (Part leaf : leaves) {
            ContentType t = contentType(leaf);
            String base = t.getBaseType().toLowerCase(Locale.ROOT);
            if (ENCRYPTED_TYPES.contains(base)) {
                return Optional.of(base);
            }
            if (base.startsWith("text/") || base.equals("application/octet-stream")) {
                try (InputStream in = leaf.getInputStream()) {
                    String head = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
                    if (head.contains("-----BEGIN PGP MESSAGE-----")) {
                        return Optional.of("an armored OpenPGP message in " + base);
                    }
                } catch (MessagingException | IOException e) {
                    throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "a part cannot be decoded");
                }
            }
        }
        return Optional.empty();
    }

    /** The headers of a part that are multipart children's own content types, for messages about the structure. */
    static String describe(BodyPart part) {
        try {
            return new ContentType(part.getContentType()).getBaseType();
        } catch (MessagingException e) {
            return "unreadable";
        }
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 120 ? printable : printable.substring(0, 120) + "…";
    }
}
