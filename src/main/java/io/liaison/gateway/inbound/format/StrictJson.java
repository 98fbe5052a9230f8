package io.liaison.gateway.inbound.format;

import io.liaison.gateway.yaml.YamlLimitException;
import io.liaison.gateway.yaml.YamlLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8259 JSON read strictly and within {@link YamlLimits}: a key given twice in one object is refused
 * (as the YAML reader refuses it: a second {@code tlp} must not silently win), and depth, the length of
 * each string and number, and the whole text are bounded before anything is built. Values come out as
 * the YAML reader's do: maps, lists, strings, {@link BigDecimal}, booleans and null.
 */
final class StrictJson {
    private final String text;
    private final YamlLimits limits;
    private int pos;

    private StrictJson(String text, YamlLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    /**
     * @throws YamlLimitException when a limit is exceeded
     * @throws Malformed          when the text is not one JSON value
     */
    static Object parse(String text, YamlLimits limits) throws Malformed {
        if (text.length() > limits.maxCodePoints()) {
            throw new YamlLimitException(YamlLimitException.Limit.CODE_POINTS, "longer than " + limits.maxCodePoints() + " characters");
        }
        StrictJson p = new StrictJson(text, limits);
        if (text.startsWith("\uFEFF")) {
            p.pos = 1;
        }
        p.skipSpace();
        Object value = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.malformed("text after the end of the document");
        }
        return value;
    }

    /** Not JSON; says where, as the YAML reader does. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private Object value(int depth) throws Malformed {
        if (pos >= text.length()) {
            throw malformed("unexpected end of the document");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw malformed("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) throws Malformed {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw malformed("expected a key in double quotes");
            }
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = value(depth);
            if (map.containsKey(key)) {
                pos = keyAt;
                throw malformed("found duplicate key " + clip(key));
            }
            map.put(key, value);
            skipSpace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                pos--;
                throw malformed("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws Malformed {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth));
            skipSpace();
            char c = next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                pos--;
                throw malformed("expected ',' or ']'");
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxDepth()) {
            throw new YamlLimitException(YamlLimitException.Limit.DEPTH, "nested deeper than " + limits.maxDepth() + " at " + where());
        }
    }

    private String string() throws Malformed {
        int start = pos;
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw malformed("a string without its closing quote");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                pos--;
                throw malformed("a control character inside a string");
            }
            if (c == '\\') {
                b.append(escape());
            } else {
                b.append(c);
            }
            if (b.length() > limits.maxStringChars()) {
                pos = start;
                throw new YamlLimitException(YamlLimitException.Limit.STRING_CHARS, "a string longer than "
                        + limits.maxStringChars() + " characters at " + where());
            }
        }
    }

    private char escape() throws Malformed {
        if (pos >= text.length()) {
            throw malformed("unexpected end of the document");
        }
        char e = text.charAt(pos++);
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw malformed("a \\u escape cut short");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(text.charAt(pos++), 16);
                    if (d < 0) {
                        pos--;
                        throw malformed("a \\u escape with a non-hex digit");
                    }
                    v = v * 16 + d;
                }
                yield (char) v;
            }
            default -> {
                pos--;
                throw malformed("an unknown escape \\" + printable(e));
            }
        };
    }

    /** The length is checked on the text as written, before {@link BigDecimal} sees it. */
    private BigDecimal number() throws Malformed {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw malformed("a number without digits");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw malformed("a number without digits after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw malformed("a number without digits in its exponent");
            }
            digits();
        }
        if (pos - start > limits.maxNumberChars()) {
            int length = pos - start;
            pos = start;
            throw new YamlLimitException(YamlLimitException.Limit.NUMBER_CHARS, "a number of " + length
                    + " characters at " + where() + " is longer than the limit of " + limits.maxNumberChars());
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            // An exponent beyond what BigDecimal holds (1e99999999999); found by the fuzzer.
            pos = start;
            throw malformed("a number out of range");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws Malformed {
        if (!text.startsWith(word, pos)) {
            throw malformed("unexpected word");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw malformed("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() throws Malformed {
        if (pos >= text.length()) {
            throw malformed("unexpected end of the document");
        }
        return text.charAt(pos++);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Malformed malformed(String problem) {
        return new Malformed("at " + where() + ": " + problem);
    }

    /** Line and column (1-based) of the current position. */
    private String where() {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return "\"" + (printable.length() <= 40 ? printable : printable.substring(0, 40) + "…") + "\"";
    }
}
