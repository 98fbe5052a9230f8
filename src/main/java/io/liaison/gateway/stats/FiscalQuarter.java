package io.liaison.gateway.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of the Japanese fiscal year (年度, April to March): FY2026 Q1 is April–June 2026, Q3 October–December
 * 2026, Q4 January–March 2027. Boundaries are midnight in Asia/Tokyo, whatever the server's zone, because that is
 * where the fiscal year is defined.
 */
public record FiscalQuarter(int fiscalYear, int quarter) {
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Pattern TEXT = Pattern.compile("(\\d{4})\\s*[Qq]([1-4])");

    public FiscalQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter + " is not 1 to 4");
        }
    }

    /** "2026Q3" = FY2026 Q3 = October–December 2026. */
    public static Optional<FiscalQuarter> parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        return m.matches() ? Optional.of(new FiscalQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** The quarter an instant falls in, on the Tokyo calendar. */
    public static FiscalQuarter containing(Instant at) {
        LocalDate d = at.atZone(TOKYO).toLocalDate();
        int month = d.getMonthValue();
        int fy = month >= 4 ? d.getYear() : d.getYear() - 1;
        int q = month >= 4 ? (month - 4) / 3 + 1 : 4;
        return new FiscalQuarter(fy, q);
    }

    public static int fiscalYearOf(Instant at) {
        return containing(at).fiscalYear();
    }

    public LocalDate firstDay() {
        return LocalDate.of(fiscalYear, 4, 1).plusMonths(3L * (quarter - 1));
    }

    public Instant start() {
        return firstDay().atStartOfDay(TOKYO).toInstant();
    }

    /** Exclusive. */
    public Instant end() {
        return firstDay().plusMonths(3).atStartOfDay(TOKYO).toInstant();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /** "2026年度第3四半期", as the seed heads its table. */
    public String japanese() {
        return fiscalYear + "年度第" + quarter + "四半期";
    }

    /** "2026年10月〜12月". */
    public String japaneseMonths() {
        LocalDate last = firstDay().plusMonths(2);
        return firstDay().getYear() + "年" + firstDay().getMonthValue() + "月〜"
                + (last.getYear() != firstDay().getYear() ? last.getYear() + "年" : "") + last.getMonthValue() + "月";
    }

    /** "FY2026 Q3 (October–December 2026)". */
    public String english() {
        LocalDate last = firstDay().plusMonths(2);
        return "FY" + fiscalYear + " Q" + quarter + " (" + month(firstDay()) + "–" + month(last) + " " + last.getYear() + ")";
    }

    private static String month(LocalDate d) {
        return d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return fiscalYear + "Q" + quarter;
    }
}
