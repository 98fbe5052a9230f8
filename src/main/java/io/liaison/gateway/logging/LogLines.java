package io.liaison.gateway.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Turns an event into the characters written, line separator included.
 *
 * <p>Text is what slf4j-simple wrote with the settings the gateway shipped (time of day, level, the logger's
 * short name, message; the stack trace below), so scripts and eyes that read those lines keep working; the
 * structured fields are not repeated there (the message already names them). JSON is one object per line:
 * every character that could break the line or the object is escaped, so a message with a newline, a quote
 * or a control character stays one parsable line, and the stack trace is a field.
 */
final class LogLines {
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter ISO_WITH_ZONE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    /** The object's own members: a structured field of the same name is written as {@code field.NAME}. */
    private static final Set<String> OWN = Set.of("time", "level", "logger", "thread", "message", "markers", "exception");
    private static final String NL = System.lineSeparator();

    private LogLines() {
    }

    static String text(LogEvent e, ZoneId zone) {
        StringBuilder b = new StringBuilder(96 + e.message().length());
        b.append(TIME_OF_DAY.format(e.at().atZone(zone))).append(' ');
        b.append(e.level().name()).append(' ');
        b.append(shortName(e.logger())).append(" - ");
        if (!e.markers().isEmpty()) {
            b.append(' ');
            for (Marker m : e.markers()) {
                b.append(m.getName()).append(' ');
            }
        }
        b.append(e.message()).append(NL);
        if (e.thrown() != null) {
            b.append(stackTrace(e.thrown()));
        }
        return b.toString();
    }

    static String json(LogEvent e, ZoneId zone) {
        StringBuilder b = new StringBuilder(160 + e.message().length());
        b.append('{');
        member(b, "time", ISO_WITH_ZONE.format(e.at().atZone(zone)));
        b.append(',');
        member(b, "level", e.level().name());
        b.append(',');
        member(b, "logger", e.logger());
        b.append(',');
        member(b, "thread", e.thread());
        b.append(',');
        member(b, "message", e.message());
        if (!e.markers().isEmpty()) {
            b.append(",\"markers\":[");
            for (int i = 0; i < e.markers().size(); i++) {
                b.append(i == 0 ? "" : ",");
                string(b, e.markers().get(i).getName());
            }
            b.append(']');
        }
        for (KeyValuePair kv : e.fields()) {
            String key = String.valueOf(kv.key);
            b.append(',');
            string(b, OWN.contains(key) ? "field." + key : key);
            b.append(':');
            value(b, kv.value);
        }
        if (e.thrown() != null) {
            b.append(',');
            member(b, "exception", stackTrace(e.thrown()));
        }
        return b.append('}').append(NL).toString();
    }

    static String shortName(String logger) {
        return logger.substring(logger.lastIndexOf('.') + 1);
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        try (PrintWriter p = new PrintWriter(w)) {
            t.printStackTrace(p);
        }
        return w.toString();
    }

    private static void member(StringBuilder b, String name, String value) {
        string(b, name);
        b.append(':');
        string(b, value);
    }

    /** Whole numbers and booleans as themselves; anything else as its string. */
    private static void value(StringBuilder b, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof Boolean) {
            b.append(v);
        } else {
            string(b, String.valueOf(v));
        }
    }

    /** A JSON string: quotes, backslashes, every control character, the line and paragraph separators and lone
     * surrogates escaped, so the output is one line of valid UTF-8 whatever the message holds. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        unicode(b, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(b, c);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static void unicode(StringBuilder b, char c) {
        b.append("\\u");
        String hex = Integer.toHexString(c);
        b.append("0".repeat(4 - hex.length())).append(hex);
    }
}
