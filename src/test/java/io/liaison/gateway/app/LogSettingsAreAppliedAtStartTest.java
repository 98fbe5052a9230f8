package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.logging.GatewayLog;
import io.liaison.gateway.logging.LogFormat;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * gateway.log.format and gateway.log.file as an operator sets them in the --config file: read before the command
 * runs (Main), a format that is neither text nor json refused when the gateway starts, naming the setting; with
 * json and a file, a real delivery's outcome arrives in the file as one JSON line with its reference, channel,
 * point of contact, state and attempt; with a file alone, the text lines of before.
 */
class LogSettingsAreAppliedAtStartTest {
    @TempDir
    Path work;

    @AfterEach
    void back() {
        GatewayLog.reset();
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheSetting() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            GatewaySettings.SettingsException e = assertThrows(GatewaySettings.SettingsException.class,
                    () -> h.gatewayWith(LogFormat.SETTING, "xml"));
            assertTrue(e.getMessage().contains("gateway.log.format") && e.getMessage().contains("xml")
                    && e.getMessage().contains("text or json"), e.getMessage());
            Path config = config("gateway.log.format=xml\n");
            LogFile.apply(new String[] {"serve", "--config", config.toString()});
            assertEquals(LogFormat.TEXT, GatewayLog.format(), "left as text until the start refuses it");
        }
    }

    @Test
    void aDeliveryOutcomeIsOneJsonLineWithItsFieldsInTheLogFile() throws Exception {
        Path log = work.resolve("logs/gateway.jsonl");
        Files.createDirectories(log.getParent());
        LogFile.apply(new String[] {"serve", "--config=" + config("gateway.log.format=json\ngateway.log.file=" + log + "\n")});
        assertEquals(LogFormat.JSON, GatewayLog.format());
        assertEquals(Optional.of(log.toAbsolutePath()), GatewayLog.file());
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gatewayWith(LogFormat.SETTING, "json");
            String ref = g.send(Notices.earlyWarning()).reference();
            g.awaitSettled(ref, Duration.ofSeconds(30));
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertFalse(lines.isEmpty());
        List<JsonObject> objects = lines.stream().map(JsonObject::new).toList(); // every line parses
        List<JsonObject> sent = objects.stream().filter(o -> "sent".equals(o.getString("state"))).toList();
        assertFalse(sent.isEmpty(), lines.toString());
        JsonObject one = sent.get(0);
        assertTrue(one.getString("reference").startsWith("NISC-"), one.encode());
        assertTrue(List.of("EMAIL", "SMS", "FAX").contains(one.getString("channel")), one.encode());
        assertFalse(one.getString("poc").isBlank(), one.encode());
        assertEquals(1, one.getInteger("attempt"), one.encode());
        assertEquals("io.liaison.gateway.dispatch.ChannelDispatcher", one.getString("logger"));
        assertTrue(one.getString("message").startsWith(one.getString("reference") + " " + one.getString("channel")
                + " to " + one.getString("poc") + ": sent, attempt 1"), one.encode());
    }

    @Test
    void aFileAloneGetsTheTextLines() throws Exception {
        Path log = work.resolve("gateway.log");
        LogFile.apply(new String[] {"status", "--config", config("gateway.log.file=" + log + "\n").toString()});
        LoggerFactory.getLogger(Gateway.class).info("a line for the file: {}", "text");
        List<String> written = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains("a line for")).toList();
        assertEquals(1, written.size(), written.toString());
        assertTrue(written.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO Gateway - a line for the file: text"), written.get(0));
    }

    private Path config(String text) throws Exception {
        Path file = Files.createTempFile(work, "gateway", ".properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
