package io.liaison.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The default format is slf4j-simple's line as the gateway configured it (time of day in the JVM's zone, level,
 * the logger's short name, " - ", the message; the stack trace below), the structured fields are not added to
 * it, and the levels are those of before: the gateway's own INFO lines, libraries (Camel, Vert.x) only from WARN,
 * the simulated peers only from WARN, PDFBox's cmap notice only at ERROR.
 */
class TextLogLinesAreTheLinesOperatorsReadBeforeTest {
    private static final Instant AT = Instant.parse("2026-12-03T00:17:32.123Z");

    @TempDir
    Path work;

    @AfterEach
    void back() {
        GatewayLog.reset();
    }

    @Test
    void sameLineSameLevels() throws Exception {
        Path file = work.resolve("gateway.log");
        GatewayLog.configure(LogFormat.TEXT, Optional.of(file), ZoneId.of("Asia/Tokyo"), Clock.fixed(AT, ZoneId.of("UTC")));
        String time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").format(AT.atZone(ZoneId.systemDefault()));

        LoggerFactory.getLogger("io.liaison.gateway.dispatch.ChannelDispatcher").atInfo()
                .addKeyValue("reference", "NISC-EW-2026-00001").addKeyValue("state", "sent")
                .log("{} {} to {}: sent, attempt {}, server id {}", "NISC-EW-2026-00001", "SMS", "power-ceptoar-duty", 1, "m-1");
        LoggerFactory.getLogger("io.liaison.gateway.app.Gateway").warn("TRANSPORT: {}", "plain", new RuntimeException("boom"));
        LoggerFactory.getLogger("io.liaison.gateway.app.Gateway").debug("not at info");
        LoggerFactory.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").info("Apache Camel started");
        LoggerFactory.getLogger("io.vertx.core.impl.VertxImpl").info("quiet");
        LoggerFactory.getLogger("io.liaison.gateway.peers.InProcessSmsc").info("the simulated SMSC's chatter");
        LoggerFactory.getLogger("org.apache.fontbox.ttf.CmapSubtable").warn("Format 14 cmap table is not supported");
        LoggerFactory.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").warn("a library's warning");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(time + " INFO ChannelDispatcher - NISC-EW-2026-00001 SMS to power-ceptoar-duty: sent, attempt 1, server id m-1",
                lines.get(0));
        assertEquals(time + " WARN Gateway - TRANSPORT: plain", lines.get(1));
        assertEquals("java.lang.RuntimeException: boom", lines.get(2));
        assertTrue(lines.get(3).startsWith("\tat io.liaison.gateway.logging.TextLogLinesAreTheLinesOperatorsReadBeforeTest"), lines.get(3));
        List<String> headed = lines.stream().filter(l -> l.startsWith(time)).toList();
        assertEquals(List.of(time + " INFO ChannelDispatcher - NISC-EW-2026-00001 SMS to power-ceptoar-duty: sent, attempt 1, server id m-1",
                time + " WARN Gateway - TRANSPORT: plain",
                time + " WARN AbstractCamelContext - a library's warning"), headed);
    }
}
