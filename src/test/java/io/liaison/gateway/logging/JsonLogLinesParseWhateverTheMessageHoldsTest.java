package io.liaison.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gateway.log.format=json: each event is one line that parses as a JSON object, with time (ISO-8601 with the
 * zone), level, logger, thread and message, the fluent API's key-value pairs as fields and an exception as a
 * field; a message with a newline, quotes, a backslash, a tab, control characters and a lone surrogate stays one
 * line and comes back exactly. Parsed with Vert.x's JSON, the library the gateway already uses.
 */
class JsonLogLinesParseWhateverTheMessageHoldsTest {
    private static final Instant AT = Instant.parse("2026-12-03T00:17:32.123Z");
    private static final Logger LOG = LoggerFactory.getLogger("io.liaison.gateway.logging.test.JsonProbe");

    @TempDir
    Path work;

    @AfterEach
    void back() {
        GatewayLog.reset();
    }

    @Test
    void everyEventIsOneParsableObjectWithItsFields() throws Exception {
        Path file = work.resolve("gateway.log");
        GatewayLog.configure(LogFormat.JSON, Optional.of(file), ZoneId.of("Asia/Tokyo"), Clock.fixed(AT, ZoneId.of("UTC")));
        String awkward = "first line\nsecond \"quoted\" \\ back\tslash\r\u0001\u001f\u007f\u2028 end \ud800 ⚠ 警報 😀";
        LOG.atInfo().addKeyValue("reference", "NISC-EW-2026-00001").addKeyValue("channel", "SMS")
                .addKeyValue("poc", "power-ceptoar-duty").addKeyValue("state", "sent").addKeyValue("attempt", 2)
                .addKeyValue("message", "a field named like a member").log("{} to {}: {}", "NISC-EW-2026-00001", "poc", awkward);
        LOG.error("it broke: {}", "\"badly\"", new IllegalStateException("cause with\nnewline"));
        LOG.debug("below the io.liaison.gateway threshold (info): never written");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), lines.toString());

        JsonObject sent = new JsonObject(lines.get(0));
        assertEquals("2026-12-03T09:17:32.123+09:00", sent.getString("time"));
        assertEquals("INFO", sent.getString("level"));
        assertEquals("io.liaison.gateway.logging.test.JsonProbe", sent.getString("logger"));
        assertEquals(Thread.currentThread().getName(), sent.getString("thread"));
        assertEquals("NISC-EW-2026-00001 to poc: " + awkward, sent.getString("message"), "the message comes back as it was logged");
        assertEquals("NISC-EW-2026-00001", sent.getString("reference"));
        assertEquals("SMS", sent.getString("channel"));
        assertEquals("power-ceptoar-duty", sent.getString("poc"));
        assertEquals("sent", sent.getString("state"));
        assertEquals(2, sent.getInteger("attempt"));
        assertEquals("a field named like a member", sent.getString("field.message"));
        assertFalse(sent.containsKey("exception"));

        JsonObject failed = new JsonObject(lines.get(1));
        assertEquals("ERROR", failed.getString("level"));
        assertEquals("it broke: \"badly\"", failed.getString("message"));
        String exception = failed.getString("exception");
        assertTrue(exception.startsWith("java.lang.IllegalStateException: cause with\nnewline"), exception);
        assertTrue(exception.contains("\tat io.liaison.gateway.logging.JsonLogLinesParseWhateverTheMessageHoldsTest"), exception);
    }
}
