package io.liaison.gateway.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One YAML mapping read as a directory entry. Every accessor records a problem instead of throwing, and
 * returns empty, so that one bad field does not hide the others.
 */
final class YamlEntry {
    private final Map<?, ?> map;
    private final ProblemLog log;
    private String name;

    YamlEntry(Map<?, ?> map, String name, ProblemLog log) {
        this.map = map;
        this.name = name;
        this.log = log;
    }

    /**
     * Reads item {@code index} of {@code section} as an entry, or records why it is not a mapping.
     * The entry is named by position until {@link #renameTo} gives it its id.
     */
    static Optional<YamlEntry> of(Object item, String section, int index, String shape, ProblemLog log) {
        String name = section + "[" + index + "]";
        if (item instanceof Map<?, ?> m) {
            return Optional.of(new YamlEntry(m, name, log));
        }
        log.add(name, null, "must be a mapping with " + shape + "; got " + YamlText.describe(item));
        return Optional.empty();
    }

    String name() {
        return name;
    }

    /** Problems after the id is known read {@code organisations[meti]} rather than {@code organisations[3]}. */
    void renameTo(String newName) {
        this.name = newName;
    }

    void problem(String field, String reason) {
        log.add(name, field, reason);
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    Object raw(String key) {
        return map.get(key);
    }

    /** Keys are refused rather than ignored: a misspelt optional field would otherwise silently take its default. */
    void refuseUnknownKeys(Collection<String> known) {
        for (Object key : map.keySet()) {
            if (key instanceof String k && known.contains(k)) {
                continue;
            }
            String shown = String.valueOf(key);
            String hint = YamlText.closest(shown, known).map(c -> "did you mean \"" + c + "\"? ").orElse("");
            problem(shown, "is not a known field; " + hint + "known fields: " + String.join(", ", known));
        }
    }

    Optional<String> requiredText(String key) {
        if (!map.containsKey(key) || map.get(key) == null) {
            problem(key, "is required");
            return Optional.empty();
        }
        return text(key, map.get(key));
    }

    Optional<String> optionalText(String key) {
        if (!map.containsKey(key) || map.get(key) == null) {
            return Optional.empty();
        }
        return text(key, map.get(key));
    }

    Optional<String> text(String field, Object value) {
        if (value instanceof String s) {
            if (s.isBlank()) {
                problem(field, "must not be empty");
                return Optional.empty();
            }
            return Optional.of(s);
        }
        problem(field, "must be text; got " + YamlText.describe(value) + YamlText.quoteHint(value));
        return Optional.empty();
    }

    /** Absent means {@code defaultValue}; anything but a YAML boolean is a problem, never a guess. */
    Optional<Boolean> optionalBoolean(String key, boolean defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.of(defaultValue);
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        problem(key, "must be true or false; got " + YamlText.describe(value));
        return Optional.empty();
    }

    /** A list, or empty with a problem recorded when present but not a list (or absent and required). */
    Optional<List<?>> list(String key, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is required");
            }
            return Optional.empty();
        }
        if (value instanceof List<?> l) {
            return Optional.of(l);
        }
        problem(key, "must be a list, e.g. [a, b]; got " + YamlText.describe(value));
        return Optional.empty();
    }

    /**
     * A list of text items; bad items are recorded as {@code key[i]} and left out, so the caller can still
     * check the good ones.
     */
    Optional<List<String>> textList(String key, boolean required) {
        Optional<List<?>> raw = list(key, required);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        List<?> values = raw.get();
        for (int i = 0; i < values.size(); i++) {
            text(key + "[" + i + "]", values.get(i)).ifPresent(items::add);
        }
        return Optional.of(items);
    }
}
