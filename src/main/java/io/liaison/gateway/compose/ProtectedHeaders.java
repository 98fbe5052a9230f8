package io.liaison.gateway.compose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The header fields of one e-mail under header protection (RFC 9788): the true values travel inside
 * the signed and encrypted part, on the Cryptographic Payload's own header section, and the message's
 * outer header section carries only what the path needs, some values obscured (the Subject: level,
 * reference and kind only). Inside, one {@code HP-Outer} field per outer field records what was exposed,
 * so a reader can tell the two apart; the payload's Content-Type carries {@code hp="cipher"} and, for
 * readers that predate RFC 9788 (Thunderbird, K-9), {@code protected-headers="v1"}.
 *
 * <p>Values are given as they are written on the wire: already RFC 2047 encoded and folded, ASCII only.
 */
public final class ProtectedHeaders {
    /** The Content-Type parameters of the payload that carries the protected fields. */
    public static final String PAYLOAD_PARAMETERS = "hp=\"cipher\"; protected-headers=\"v1\"";
    public static final String HP_OUTER = "HP-Outer";

    private record Field(String name, String value) {
    }

    private final List<Field> inner;
    private final List<Field> outer;

    private ProtectedHeaders(List<Field> inner, List<Field> outer) {
        this.inner = List.copyOf(inner);
        this.outer = List.copyOf(outer);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The header lines to put on the payload, after its Content-Type and Content-Transfer-Encoding: the
     * true fields, then an {@code HP-Outer} for each outer one. CRLF line ends, no empty line after.
     */
    public String innerLines() {
        StringBuilder b = new StringBuilder(1024);
        for (Field f : inner) {
            b.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        for (Field f : outer) {
            b.append(HP_OUTER).append(": ").append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        return b.toString();
    }

    /** The outer header section (without MIME-Version and the content fields), CRLF line ends. */
    public byte[] outerBytes() {
        StringBuilder b = new StringBuilder(512);
        for (Field f : outer) {
            b.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Each field as a (name, value) pair, in order: for protectors that build the payload as a MIME part. */
    public List<String[]> innerFields() {
        List<String[]> fields = new ArrayList<>();
        inner.forEach(f -> fields.add(new String[] {f.name(), f.value()}));
        outer.forEach(f -> fields.add(new String[] {HP_OUTER, f.name() + ": " + f.value()}));
        return fields;
    }

    public static final class Builder {
        private final List<Field> inner = new ArrayList<>();
        private final List<Field> outer = new ArrayList<>();

        private Builder() {
        }

        /** A field shown the same inside and outside (From, To, Date, Message-ID, the marking). */
        public Builder same(String name, String value) {
            return field(name, value, value);
        }

        /** A field whose outer copy is obscured, e.g. the Subject. */
        public Builder obscured(String name, String innerValue, String outerValue) {
            return field(name, innerValue, outerValue);
        }

        private Builder field(String name, String innerValue, String outerValue) {
            inner.add(new Field(name, ascii(name, innerValue)));
            outer.add(new Field(name, ascii(name, outerValue)));
            return this;
        }

        public ProtectedHeaders build() {
            return new ProtectedHeaders(inner, outer);
        }

        // A header line is written as bytes: a raw line break or a non-ASCII character would be header
        // injection or a broken message, and the caller has encoded the value already.
        private static String ascii(String name, String value) {
            Objects.requireNonNull(value, name);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean fold = (c == '\r' && i + 2 < value.length() && value.charAt(i + 1) == '\n'
                        && (value.charAt(i + 2) == ' ' || value.charAt(i + 2) == '\t'));
                if (fold) {
                    i++;
                    continue;
                }
                if (c > 126 || (c < 32 && c != '\t')) {
                    throw new IllegalArgumentException(name + " is not an encoded header value");
                }
            }
            return value;
        }
    }
}
