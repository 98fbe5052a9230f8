package io.liaison.gateway.compose.fax;

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
                       boolean coverSheetOnly) {
    /** A line consisting of this marker alone is drawn as a horizontal rule. */
    public static final String RULE = "\u2500RULE\u2500";

    public FaxSheet {
        lines = List.copyOf(lines);
    }

    /** The level banner, top and bottom of every page: the TLP label and its Japanese reading. */
    public String bannerText() {
        return exercise ? NoticeMarking.exerciseLabel() + "  —  " + level.display() : level.display();
    }
}
