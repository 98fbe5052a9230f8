package io.liaison.gateway.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FiscalQuarterFollowsTheJapaneseFiscalYearInTokyoTest {

    @Test
    void theFiscalYearTurnsAtMidnightTokyoTimeNotUtc() {
        assertEquals(new FiscalQuarter(2025, 4), FiscalQuarter.containing(Instant.parse("2026-03-31T14:59:59Z")));
        assertEquals(new FiscalQuarter(2026, 1), FiscalQuarter.containing(Instant.parse("2026-03-31T15:00:00Z")));
        assertEquals(new FiscalQuarter(2026, 4), FiscalQuarter.containing(Instant.parse("2026-12-31T15:00:00Z")),
                "1 January 2027 in Tokyo is the fourth quarter of FY2026");
    }

    @Test
    void aQuarterIsThreeMonthsOfTheFiscalYear() {
        FiscalQuarter q3 = FiscalQuarter.parse("2026Q3").orElseThrow();
        assertEquals(Instant.parse("2026-09-30T15:00:00Z"), q3.start());
        assertEquals(Instant.parse("2026-12-31T15:00:00Z"), q3.end());
        assertEquals("2026年度第3四半期", q3.japanese());
        assertEquals("2026年10月〜12月", q3.japaneseMonths());
        assertEquals("FY2026 Q3 (October–December 2026)", q3.english());
        assertEquals("2027年1月〜3月", new FiscalQuarter(2026, 4).japaneseMonths());
        assertEquals(Instant.parse("2027-03-31T15:00:00Z"), StatisticsPeriod.fiscalYear(2026).end());
    }

    @Test
    void onlyYearAndQuarterOneToFourParse() {
        assertEquals(Optional.of(new FiscalQuarter(2026, 1)), FiscalQuarter.parse("2026q1"));
        assertTrue(FiscalQuarter.parse("2026Q5").isEmpty());
        assertTrue(FiscalQuarter.parse("26Q1").isEmpty());
        assertTrue(FiscalQuarter.parse("2026-Q1").isEmpty());
    }
}
