package io.liaison.gateway.logging;

import java.util.Locale;

/** How a log line is written: {@code text} (the default) or {@code json} (one object per line). */
public enum LogFormat {
    TEXT, JSON;

    /** The setting that chooses it. */
    public static final String SETTING = "gateway.log.format";

    /**
     * Reads the setting's value; empty means text.
     *
     * @throws IllegalArgumentException naming the setting and the values it takes
     */
    public static LogFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("setting " + SETTING + ": \"" + value.trim()
                    + "\" is not a log format; text or json");
        };
    }
}
