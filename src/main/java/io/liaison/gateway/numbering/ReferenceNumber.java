package io.liaison.gateway.numbering;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import java.util.regex.Pattern;

/**
 * A notice's reference number, e.g. {@code NISC-EW-2026-00042} or {@code NISC-PR3-2026-00007} (provision,
 * priority 3 = normal), {@code NISC-INC-2026-00003} (a relayed incident report), {@code NISC-QN-2026-00001} (a
 * quarantine notice). Exercise traffic uses {@code NISC-EXERCISE-EW-2026-00001}: a separate series that
 * no one can read as real. A notice another organisation originates carries its id
 * ({@code POWER-CEPTOAR-PR3-2026-00001}); an update adds {@code -U1}, {@code -U2}…, a cancellation {@code -C}.
 */
public record ReferenceNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile(
            "[A-Z][A-Z0-9]*(-[A-Z0-9]+)*?(-EXERCISE)?-(EW|PR[1-4]|INC|QN|KEY|CX)-\\d{4}-\\d{5,}(-U\\d+|-C)?");

    public ReferenceNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a reference number: " + value);
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The counter series a new number is drawn from: prefix, exercise flag, type and priority, year. */
    public static String series(String prefix, boolean exercise, NoticeKind kind, Priority priority, int year) {
        String type = kind == NoticeKind.PROVISION ? "PR" + priority.rank() : kind.seriesCode();
        return prefix + (exercise ? "-EXERCISE" : "") + "-" + type + "-" + year;
    }

    public static ReferenceNumber of(String series, long sequence) {
        if (series.endsWith("-U")) {
            return new ReferenceNumber(series + sequence);
        }
        if (series.endsWith("-C")) {
            if (sequence > 1) {
                throw new IllegalStateException(series + " exists already: a notice is cancelled once");
            }
            return new ReferenceNumber(series);
        }
        return new ReferenceNumber(series + "-" + String.format("%05d", sequence));
    }

    /** The counter series of a follow-up: the original's reference and the follow-up's letter. */
    public static String followUpSeries(String original, io.liaison.gateway.intake.FollowUp.Type type) {
        return original + "-" + type.suffix();
    }

    /** The reference-number prefix of an organisation other than NISC: its id in capitals. */
    public static String prefixOf(String organisationId) {
        return organisationId.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
    }

    public boolean isExercise() {
        return value.contains("-EXERCISE-");
    }

    @Override
    public String toString() {
        return value;
    }
}
