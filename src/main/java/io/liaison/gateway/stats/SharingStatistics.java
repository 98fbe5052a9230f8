package io.liaison.gateway.stats;

import java.util.List;
import java.util.Optional;

/**
 * The seed's table for one period: columns (earlier fiscal years' totals, the year's four quarters, the year's
 * total), one line per row of {@link StatisticsLayout}, and how the counts were made.
 *
 * @param chartColumn the column the charts show: the quarter asked for, or the year's total
 */
public record SharingStatistics(StatisticsPeriod period, List<StatisticsColumn> columns, List<Line> lines, int chartColumn,
                                List<String> notes) {
    public SharingStatistics {
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** A row and its count per column. */
    public record Line(StatisticsRow row, List<Integer> values) {
        public Line {
            values = List.copyOf(values);
        }
    }

    public Optional<Line> line(StatisticsRow.Table table, String key) {
        return lines.stream().filter(l -> l.row().table() == table && l.row().key().equals(key)).findFirst();
    }

    public List<Line> lines(StatisticsRow.Table table) {
        return lines.stream().filter(l -> l.row().table() == table).toList();
    }

    /** "2026年度第3四半期" style title, as the seed heads its table. */
    public String titleJa() {
        return "重要インフラにおける情報共有件数について（" + period.japanese() + "）";
    }

    public String titleEn() {
        return "Information sharing with critical infrastructure: counts for " + period.english();
    }

    /** The cell as shown: the count, or "—" for a quarter not yet reached. */
    public String cell(Line line, int column) {
        return columns.get(column).reached() ? String.valueOf(line.values().get(column)) : "—";
    }
}
