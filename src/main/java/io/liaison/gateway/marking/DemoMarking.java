package io.liaison.gateway.marking;

import java.util.List;

/**
 * What sets demo traffic apart: a gateway in demo mode runs on the published sample keys, so nothing it
 * sends may be taken for a real notice. Every Subject, e-mail banner, SMS and fax banner it produces
 * carries {@value #LABEL}, in front of everything else (exercise marking included), and every start
 * says so loudly. Kept apart from {@link NoticeMarking}'s own formats so either can change alone.
 */
public final class DemoMarking {
    public static final String LABEL = "DEMO / デモ";

    private DemoMarking() {
    }

    public static String subject(String subject) {
        return "[" + LABEL + "] " + subject;
    }

    public static String sms(String text) {
        return LABEL + " " + text;
    }

    /** A banner line (e-mail or fax) with the demo label in front. */
    public static String banner(String line) {
        return LABEL + "  —  " + line;
    }

    /** The warning printed at every start in demo mode. */
    public static List<String> startWarning() {
        String rule = "!".repeat(78);
        return List.of(rule,
                "!!  DEMO MODE / デモモード  (gateway.demo-mode=true)",
                "!!  Sample keys from keys-sample/ are accepted: anyone can read what this gateway encrypts",
                "!!  and sign as it. Every message it sends is marked \"" + LABEL + "\".",
                "!!  Never run a real gateway in demo mode: remove gateway.demo-mode from your configuration.",
                rule);
    }
}
