package io.liaison.gateway.stats;

/**
 * One row of the seed's tables, labelled as the seed labels it, with an English reading.
 *
 * @param key what is counted: a form of sharing, an event type code or a cause code (docs/inbound-format.md)
 */
public record StatisticsRow(Table table, String groupJa, String groupEn, String itemJa, String itemEn, String key) {

    /** Group and item as one Japanese label, e.g. "意図的な原因 不審メール等の受信". */
    public String labelJa() {
        return (groupJa + " " + itemJa).strip();
    }

    /** Group and item as one English label, e.g. "Intentional causes: Suspicious mail received". */
    public String labelEn() {
        return groupEn.isEmpty() ? itemEn : itemEn.isEmpty() ? groupEn : groupEn + ": " + itemEn;
    }

    /** The seed's three tables. */
    public enum Table {
        FORM("実施形態", "Form of sharing"),
        EVENT("※1) 重要インフラ事業者等からNISCへの情報連絡の事象別内訳", "(*1) Incident reports to NISC by event type"),
        CAUSE("※2) 上記事象における原因別類型（複数選択）", "(*2) Causes of the above events (multi-select)");

        private final String japanese;
        private final String english;

        Table(String japanese, String english) {
            this.japanese = japanese;
            this.english = english;
        }

        public String japanese() {
            return japanese;
        }

        public String english() {
            return english;
        }
    }

    public static final String OPERATOR_REPORTS = "operator-reports";
    public static final String GOVERNMENT_SHARES = "government-shares";
    public static final String NISC_PROVISIONS = "nisc-provisions";
    /** Rows the gateway adds to the seed's layout so each breakdown adds up: nothing stated. */
    public static final String NOT_STATED = "not-stated";
}
