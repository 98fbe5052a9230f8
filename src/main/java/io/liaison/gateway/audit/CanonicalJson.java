package io.liaison.gateway.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON form an entry is hashed in, reproducible without the gateway: object keys sorted,
 * UTF-8, no whitespace between tokens, strings escaping only {@code "}, {@code \} and control
 * characters ({@code \b \f \n \r \t}, others as lower-case backslash-u00xx); integers in decimal;
 * {@code null} for an absent value. It is what Python's
 * {@code json.dumps(o, sort_keys=True, separators=(',', ':'), ensure_ascii=False)} writes for the
 * same values, and what {@code docs/verify-audit.sh} hashes.
 *
 * <p>The reader accepts the JSON this writer produces (objects, strings, integers, booleans, null;
 * arrays too) and refuses anything else with the position, so an edited export line is named.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    /** Values: {@code String}, {@code Long}/{@code Integer}, {@code Boolean}, {@code null}, {@code Map<String, ?>}, {@code List<?>}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no canonical JSON form for " + value.getClass().getSimpleName());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                        // a lone surrogate has no UTF-8 form: it would hash differently in every tool
                        throw new IllegalArgumentException("a text holds a lone surrogate (U+" + Integer.toHexString(c) + ")");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Reads one JSON value; objects come back as {@code LinkedHashMap} in their written order. */
    public static Object read(String text) {
        Reader r = new Reader(text);
        r.space();
        Object v = r.value(0);
        r.space();
        if (r.pos != text.length()) {
            throw r.error("text after the value");
        }
        return v;
    }

    /** A JSON text that is not what this reader accepts; {@code position} is the character offset. */
    public static final class MalformedJsonException extends IllegalArgumentException {
        private final int position;

        MalformedJsonException(String message, int position) {
            super(message + " at character " + (position + 1));
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    private static final class Reader {
        private static final int MAX_DEPTH = 32;
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        MalformedJsonException error(String what) {
            return new MalformedJsonException(what, pos);
        }

        void space() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            if (pos >= s.length()) {
                throw error("a value expected");
            }
            char c = s.charAt(pos);
            if (c == '{') {
                return object(depth);
            }
            if (c == '[') {
                return array(depth);
            }
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("unexpected '" + c + "'");
        }

        Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            space();
            if (peek('}')) {
                pos++;
                return map;
            }
            while (true) {
                space();
                if (!peek('"')) {
                    throw error("a quoted key expected");
                }
                String key = string();
                if (map.containsKey(key)) {
                    throw error("key \"" + key + "\" appears twice");
                }
                space();
                expect(':');
                space();
                map.put(key, value(depth + 1));
                space();
                if (peek(',')) {
                    pos++;
                    continue;
                }
                expect('}');
                return map;
            }
        }

        List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++;
            space();
            if (peek(']')) {
                pos++;
                return list;
            }
            while (true) {
                space();
                list.add(value(depth + 1));
                space();
                if (peek(',')) {
                    pos++;
                    continue;
                }
                expect(']');
                return list;
            }
        }

        Long number() {
            int start = pos;
            if (peek('-')) {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                pos++;
            }
            if (pos < s.length() && ".eE".indexOf(s.charAt(pos)) >= 0) {
                throw error("only whole numbers are expected");
            }
            try {
                return Long.parseLong(s.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("a number out of range");
            }
        }

        String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("a control character inside a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("short unicode escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad unicode escape");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos--;
                        throw error("unknown escape \\" + e);
                    }
                }
            }
        }

        boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "' expected");
            }
            pos++;
        }
    }
}
