package io.liaison.gateway.logging;

import java.time.Instant;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * One event as it is written: the message already formatted, the structured fields a caller added with
 * SLF4J's fluent API ({@code addKeyValue}), and the exception if any.
 */
record LogEvent(Instant at, Level level, String logger, String thread, List<Marker> markers, String message,
                List<KeyValuePair> fields, Throwable thrown) {
    LogEvent {
        markers = markers == null ? List.of() : List.copyOf(markers);
        fields = fields == null ? List.of() : List.copyOf(fields);
        message = message == null ? "null" : message;
    }
}
