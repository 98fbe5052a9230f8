package io.liaison.gateway.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one format in which the command line shows a time: {@code 2026-06-01 10:00:00 JST}. Date, seconds and the
 * zone are always there: a duty officer comparing a delivery table with a telephone log, or an auditor reading
 * it a year later, must never guess the day or whether a time was UTC or Japan time.
 */
public final class DisplayTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private DisplayTime() {
    }

    public static String format(Instant at, ZoneId zone) {
        return FORMAT.format(at.atZone(zone));
    }
}
