package io.liaison.gateway.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DisplayTimeNamesDateSecondsAndZoneTest {
    @Test
    void theSameInstantReadsUnambiguouslyInTokyoAndInUtc() {
        Instant at = Instant.parse("2026-12-31T15:30:05Z");
        assertEquals("2027-01-01 00:30:05 JST", DisplayTime.format(at, ZoneId.of("Asia/Tokyo")));
        assertEquals("2026-12-31 15:30:05 UTC", DisplayTime.format(at, ZoneId.of("UTC")));
    }
}
