package io.liaison.gateway.stats;

/** The table on the terminal: one line per row, the columns as in the seed. */
public final class StatisticsText {
    private StatisticsText() {
    }

    public static String render(SharingStatistics s) {
        StringBuilder b = new StringBuilder();
        b.append(s.titleJa()).append('\n').append(s.titleEn()).append('\n').append(s.period().japaneseMonths())
                .append("（日本時間 / Tokyo time）\n(単位:件 / count)\n");
        for (StatisticsRow.Table table : StatisticsRow.Table.values()) {
            b.append('\n').append(table.japanese()).append(" / ").append(table.english()).append('\n');
            b.append("  ").append(String.join(" | ", s.columns().stream().map(StatisticsColumn::japanese).toList())).append('\n');
            for (SharingStatistics.Line l : s.lines(table)) {
                StringBuilder cells = new StringBuilder();
                for (int c = 0; c < s.columns().size(); c++) {
                    cells.append(c == 0 ? "" : " | ").append(s.cell(l, c));
                }
                b.append("  ").append(cells).append("   ").append(l.row().labelJa()).append(" / ").append(l.row().labelEn()).append('\n');
            }
        }
        b.append('\n');
        s.notes().forEach(n -> b.append("* ").append(n).append('\n'));
        return b.toString();
    }
}
