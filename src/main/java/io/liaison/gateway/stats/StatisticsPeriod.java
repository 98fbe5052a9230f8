package io.liaison.gateway.stats;

import java.time.Instant;

/**
 * What a table covers: fiscal year {@code fiscalYear} up to and including quarter {@code throughQuarter}.
 * Quarters after it are shown as "—", as the seed does for quarters not yet reached; a whole fiscal year is
 * {@code throughQuarter} 4.
 */
public record StatisticsPeriod(int fiscalYear, int throughQuarter, boolean wholeYear) {

    public static StatisticsPeriod quarter(FiscalQuarter q) {
        return new StatisticsPeriod(q.fiscalYear(), q.quarter(), false);
    }

    public static StatisticsPeriod fiscalYear(int fy) {
        return new StatisticsPeriod(fy, 4, true);
    }

    /** Nothing received or sent at or after this instant is counted; classifications are as known by then. */
    public Instant end() {
        return new FiscalQuarter(fiscalYear, throughQuarter).end();
    }

    /** "2026年度第3四半期" or "2026年度". */
    public String japanese() {
        return wholeYear ? fiscalYear + "年度" : new FiscalQuarter(fiscalYear, throughQuarter).japanese();
    }

    /** The months covered, Tokyo calendar: "2026年10月〜12月" or "2026年4月〜2027年3月". */
    public String japaneseMonths() {
        return wholeYear ? fiscalYear + "年4月〜" + (fiscalYear + 1) + "年3月" : new FiscalQuarter(fiscalYear, throughQuarter).japaneseMonths();
    }

    public String english() {
        return wholeYear ? "FY" + fiscalYear + " (April " + fiscalYear + " – March " + (fiscalYear + 1) + ")"
                : new FiscalQuarter(fiscalYear, throughQuarter).english();
    }

    /** "stats-2026Q3" or "stats-FY2026": the output files' base name. */
    public String fileBase() {
        return wholeYear ? "stats-FY" + fiscalYear : "stats-" + fiscalYear + "Q" + throughQuarter;
    }
}
