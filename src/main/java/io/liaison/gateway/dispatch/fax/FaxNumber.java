package io.liaison.gateway.dispatch.fax;

import java.util.regex.Pattern;

/**
 * A fax number in E.164 form: a '+', a country code not starting with 0, 8 to 15 digits in all, no
 * spaces, hyphens or national prefixes — the form the directory requires and RFC 3192 carries.
 */
public record FaxNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public FaxNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new InvalidFaxNumberException("fax number " + shown(e164)
                    + " is not in E.164 form (a '+', the country code, then the number: 8 to 15 digits, no spaces or hyphens,"
                    + " e.g. +81312345678)");
        }
    }

    public static FaxNumber parse(String text) {
        return new FaxNumber(text);
    }

    @Override
    public String toString() {
        return e164;
    }

    /** Quoted and cut short, so a wrong value is recognisable in a log but cannot flood it. */
    static String shown(String s) {
        if (s == null) {
            return "(none)";
        }
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "\"" + t.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
