package io.liaison.gateway.compose.fax;

import io.liaison.gateway.marking.DemoMarking;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.marking.Tlp;
import java.util.List;

/**
 * The text of a fax before layout: what the banner on every page shows, and the lines of the page
 * bodies in order.
 *
 * @param sender shown on every page beside the reference
 * @param lines logical lines; layout wraps them, an empty string is a blank line and {@link #RULE} a rule
 * @param coverSheetOnly true when the level is above what may go by fax in full: no title, summary or body
 */
public record FaxSheet(Tlp level, boolean exercise, String reference, String sender, List<String> lines,
                       boolean coverSheetOnly, boolean demo) {
    /** A line consisting of this marker alone is drawn as a horizontal rule. */
    public static final String RULE = "\u2500RULE\u2500";

    public FaxSheet {
        lines = List.copyOf(lines);
    }

    public FaxSheet(Tlp level, boolean exercise, String reference, String sender, List<String> lines, boolean coverSheetOnly) {
        this(level, exercise, reference, sender, lines, coverSheetOnly, false);
    }

    /** The same sheet from a gateway in demo mode: {@link DemoMarking#LABEL} leads the banner of every page. */
    public FaxSheet demoMarked() {
        return new FaxSheet(level, exercise, reference, sender, lines, coverSheetOnly, true);
    }

    /** The level banner, top and bottom of every page: the TLP label and its Japanese reading. */
    public String bannerText() {
        String text = exercise ? NoticeMarking.exerciseLabel() + "  —  " + level.display() : level.display();
        return demo ? DemoMarking.banner(text) : text;
    }
}
