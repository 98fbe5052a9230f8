package io.liaison.gateway.compose;

import jakarta.mail.internet.MailDateFormat;
import java.time.Instant;
import java.util.Date;

/**
 * The Date header field, formatted once per second: a fan-out writes thousands of messages a second
 * with the same date, and MailDateFormat (not thread-safe) is slow. Thread-safe.
 */
final class MailDates {
    private record Formatted(long second, String text) {
    }

    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    String format(Instant at) {
        long second = at.getEpochSecond();
        Formatted cached = last;
        if (cached.second() == second) {
            return cached.text();
        }
        String text = new MailDateFormat().format(Date.from(Instant.ofEpochSecond(second)));
        last = new Formatted(second, text);
        return text;
    }
}
