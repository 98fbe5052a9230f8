package io.liaison.gateway.logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.event.Level;

/**
 * The lowest level each logger writes, by its name's longest configured prefix (dot by dot), else the default.
 * Read from {@code gateway-log.properties} ({@code level=warn}, {@code level.io.liaison.gateway=info}); a system
 * property {@code gateway.log.level.NAME=debug} (or {@code gateway.log.level=…} for the default) wins, so one
 * logger can be turned up or down for a run without rebuilding the artifact.
 *
 * @param threshold the configured prefixes ({@code ""} is the default) and their lowest level as
 *                  {@link Level#toInt()}; {@link #OFF} writes nothing
 */
record LogLevels(Map<String, Integer> threshold) {
    static final String RESOURCE = "/gateway-log.properties";
    static final int OFF = Integer.MAX_VALUE;
    private static final String KEY = "level";
    private static final String SYSTEM_PREFIX = "gateway.log.";

    LogLevels {
        threshold = Map.copyOf(threshold);
    }

    /** The artifact's file, then the system properties over it. */
    static LogLevels load() {
        Properties p = new Properties();
        try (InputStream in = LogLevels.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the default below: warnings and errors still reach the operator
        }
        Map<String, Integer> levels = new HashMap<>();
        levels.put("", Level.WARN.toInt());
        p.stringPropertyNames().forEach(k -> put(levels, k, p.getProperty(k)));
        Properties system = System.getProperties();
        for (String k : system.stringPropertyNames()) {
            if (k.startsWith(SYSTEM_PREFIX + KEY)) {
                put(levels, k.substring(SYSTEM_PREFIX.length()), system.getProperty(k));
            }
        }
        return new LogLevels(levels);
    }

    private static void put(Map<String, Integer> levels, String key, String value) {
        if (key.equals(KEY)) {
            parse(value).ifPresent(l -> levels.put("", l));
        } else if (key.startsWith(KEY + ".")) {
            parse(value).ifPresent(l -> levels.put(key.substring(KEY.length() + 1), l));
        }
    }

    /** An unknown word is ignored: the level configured above that logger applies. */
    private static Optional<Integer> parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (v.equals("OFF")) {
            return Optional.of(OFF);
        }
        try {
            return Optional.of(Level.valueOf(v).toInt());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The lowest level {@code logger} writes, as {@link Level#toInt()}. */
    int of(String logger) {
        String name = logger;
        while (true) {
            Integer t = threshold.get(name);
            if (t != null) {
                return t;
            }
            if (name.isEmpty()) {
                return Level.WARN.toInt();
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
    }
}
