package io.liaison.gateway.dispatch.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmppSettingsRejectBadValuesAndHidePasswordTest {

    @Test
    void passwordNeverAppearsInToString() {
        SmppSettings settings = SmppSettings.of("smsc.example.jp", 2775, "lgw", "s3cr3t!", "NISC-LGW");

        assertFalse(settings.toString().contains("s3cr3t!"));
        assertTrue(settings.toString().contains("smsc.example.jp:2775"));
    }

    @Test
    void defaultsAreSensible() {
        SmppSettings settings = SmppSettings.of("smsc.example.jp", 2775, "lgw", "pw", "NISC-LGW");

        assertTrue(settings.registeredDelivery());
        assertEquals("", settings.systemType());
        assertEquals(SmppSettings.DEFAULT_MAX_SUBMITS_PER_SECOND, settings.maxSubmitsPerSecond());
        assertTrue(settings.alphanumericSource());
        assertFalse(settings.withRegisteredDelivery(false).registeredDelivery());
    }

    @Test
    void numericSendersAreAccepted() {
        assertFalse(SmppSettings.of("h", 1, "lgw", "pw", "+81312345678").alphanumericSource());
        assertFalse(SmppSettings.of("h", 1, "lgw", "pw", "7010").alphanumericSource());
    }

    @Test
    void invalidValuesFailAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> SmppSettings.of(" ", 2775, "lgw", "pw", "NISC-LGW"));
        assertThrows(IllegalArgumentException.class, () -> SmppSettings.of("h", 0, "lgw", "pw", "NISC-LGW"));
        assertThrows(IllegalArgumentException.class, () -> SmppSettings.of("h", 70_000, "lgw", "pw", "NISC-LGW"));
        assertThrows(IllegalArgumentException.class, () -> SmppSettings.of("h", 2775, "a".repeat(16), "pw", "NISC-LGW"));
        assertThrows(IllegalArgumentException.class, () -> SmppSettings.of("h", 2775, "lgw", "123456789", "NISC-LGW"));
        assertThrows(IllegalArgumentException.class, () -> SmppSettings.of("h", 2775, "lgw", "pw", "NISC-LIAISON-GW"));
        assertThrows(IllegalArgumentException.class, () -> SmppSettings.of("h", 2775, "lgw", "pw", "送信者"));
        SmppSettings ok = SmppSettings.of("h", 2775, "lgw", "pw", "NISC-LGW");
        assertThrows(IllegalArgumentException.class, () -> ok.withMaxSubmitsPerSecond(0));
        assertThrows(IllegalArgumentException.class, () -> ok.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> ok.withSystemType("x".repeat(13)));
    }
}
