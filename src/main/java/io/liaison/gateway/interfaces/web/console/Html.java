package io.liaison.gateway.interfaces.web.console;

import java.util.Objects;

/**
 * An HTML document built by appending, where every text and attribute value is escaped: a notice's
 * title, a reporter's words or an error's detail can never become markup. There is no way to append
 * unescaped text (but a fragment this builder made and the door kept, {@link #trusted}); tags and attribute names are the console's own constants, checked to be plain names.
 * No {@code style} attribute and no inline script can be written (the CSP forbids both).
 */
final class Html {
    private final StringBuilder out = new StringBuilder(4096);

    /** Opens {@code <tag name="value" …>}; attributes come in name, value pairs, a null value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(name(tag));
        attributes(attributes);
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(name(tag)).append('>');
        return this;
    }

    /** An element without content ({@code input}, {@code br}, {@code link}, {@code meta}). */
    Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    Html text(Object text) {
        out.append(escape(text == null ? "" : text.toString()));
        return this;
    }

    /** {@code <tag …>text</tag>}. */
    Html element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Another fragment built the same way (already escaped). */
    Html append(Html fragment) {
        out.append(fragment.out);
        return this;
    }

    /**
     * A fragment this door rendered earlier with this builder and kept (the answer to a form's one-time
     * key, replayed); never text from anywhere else.
     */
    static Html trusted(String renderedByThisDoor) {
        Html h = new Html();
        h.out.append(renderedByThisDoor);
        return h;
    }

    /** The hidden fields every form carries: the session's CSRF token. */
    Html csrf(String token) {
        return empty("input", "type", "hidden", "name", io.liaison.gateway.interfaces.web.WebRequest.CSRF_FIELD, "value", token);
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            String attribute = name(attributes[i]);
            if (attribute.equals("style") || attribute.startsWith("on")) {
                throw new IllegalArgumentException("no inline style or script: " + attribute);
            }
            if (attributes[i + 1] != null) {
                out.append(' ').append(attribute).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    private static String name(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name);
        }
        return name;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
