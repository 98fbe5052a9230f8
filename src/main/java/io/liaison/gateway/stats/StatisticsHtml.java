package io.liaison.gateway.stats;

import java.util.List;

/**
 * The table as one self-contained HTML page: the seed's three tables with Japanese and English labels, and a bar
 * chart per table for the period asked for, drawn as inline SVG. No script, no external style sheet or font, no
 * CDN: the page opens the same on an isolated network.
 */
public final class StatisticsHtml {
    private static final int CHART_WIDTH = 960;
    private static final int LABEL_WIDTH = 470;
    private static final int BAR_AREA = 420;
    private static final int ROW_HEIGHT = 36;

    private StatisticsHtml() {
    }

    public static String render(SharingStatistics s) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"UTF-8\">\n<title>").append(esc(s.titleJa()))
                .append("</title>\n<style>\n")
                .append("body{font-family:\"IPAexGothic\",\"Hiragino Sans\",\"Yu Gothic\",\"Noto Sans CJK JP\",sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0 2em}th,td{border:1px solid #888;padding:4px 8px}\n")
                .append("th{background:#eef2f6;font-weight:normal}td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("td.asked,th.asked{background:#fff6d6}.en{color:#555;font-size:85%}caption{text-align:left;font-weight:bold}\n")
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(s.titleJa())).append("<br><span class=\"en\">").append(esc(s.titleEn())).append("</span></h1>\n");
        b.append("<p>対象期間 / Period: ").append(esc(s.period().japaneseMonths())).append("（日本時間 / Tokyo time）— ")
                .append(esc(s.period().english())).append("</p>\n");
        b.append("<p>(単位:件 / unit: count) — 集計は保存された通信のみから行い、演習は含まない。 / Counted from stored traffic only;"
                + " exercises excluded.</p>\n");
        for (StatisticsRow.Table table : StatisticsRow.Table.values()) {
            table(b, s, table);
            chart(b, s, table);
        }
        b.append("<h2>集計方法 <span class=\"en\">How the counts are made</span></h2>\n<ul>\n");
        s.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>\n"));
        b.append("</ul>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, SharingStatistics s, StatisticsRow.Table table) {
        List<StatisticsColumn> cols = s.columns();
        int previous = cols.size() - 5;
        int fy = s.period().fiscalYear();
        b.append("<table>\n<caption>").append(esc(table.japanese())).append(" <span class=\"en\">").append(esc(table.english()))
                .append("</span></caption>\n<thead>\n<tr><th rowspan=\"2\" colspan=\"2\">")
                .append(table == StatisticsRow.Table.FORM ? "実施形態<br><span class=\"en\">Form of sharing</span>"
                        : table == StatisticsRow.Table.EVENT ? "事象の種類<br><span class=\"en\">Event type</span>"
                        : "原因<br><span class=\"en\">Cause</span>")
                .append("</th>");
        for (int c = 0; c < previous; c++) {
            b.append("<th rowspan=\"2\">").append(esc(cols.get(c).japanese())).append("<br><span class=\"en\">")
                    .append(esc(cols.get(c).english())).append("</span></th>");
        }
        b.append("<th colspan=\"5\">FY").append(fy).append("</th></tr>\n<tr>");
        for (int c = previous; c < cols.size(); c++) {
            String label = c == cols.size() - 1 ? "計<br><span class=\"en\">total</span>" : (c - previous + 1) + "Q";
            b.append("<th").append(c == s.chartColumn() ? " class=\"asked\"" : "").append('>').append(label).append("</th>");
        }
        b.append("</tr>\n</thead>\n<tbody>\n");
        List<SharingStatistics.Line> lines = s.lines(table);
        for (int i = 0; i < lines.size(); i++) {
            StatisticsRow row = lines.get(i).row();
            b.append("<tr>");
            if (row.groupJa().isEmpty() || row.itemJa().isEmpty()) {
                String ja = row.groupJa().isEmpty() ? row.itemJa() : row.groupJa();
                String en = row.groupEn().isEmpty() ? row.itemEn() : row.groupEn();
                b.append("<th colspan=\"2\" style=\"text-align:left\">").append(esc(ja)).append("<br><span class=\"en\">").append(esc(en))
                        .append("</span></th>");
            } else {
                if (i == 0 || !lines.get(i - 1).row().groupJa().equals(row.groupJa())) {
                    int span = 1;
                    while (i + span < lines.size() && lines.get(i + span).row().groupJa().equals(row.groupJa())) {
                        span++;
                    }
                    b.append("<th rowspan=\"").append(span).append("\" style=\"text-align:left\">").append(esc(row.groupJa()))
                            .append("<br><span class=\"en\">").append(esc(row.groupEn())).append("</span></th>");
                }
                b.append("<th style=\"text-align:left\">").append(esc(row.itemJa())).append("<br><span class=\"en\">")
                        .append(esc(row.itemEn())).append("</span></th>");
            }
            for (int c = 0; c < cols.size(); c++) {
                b.append("<td class=\"n").append(c == s.chartColumn() ? " asked" : "").append("\">")
                        .append(esc(s.cell(lines.get(i), c))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    /** Horizontal bars of the column asked for, one per row, scaled to the table's largest count. */
    private static void chart(StringBuilder b, SharingStatistics s, StatisticsRow.Table table) {
        List<SharingStatistics.Line> lines = s.lines(table);
        int column = s.chartColumn();
        int max = Math.max(1, lines.stream().mapToInt(l -> l.values().get(column)).max().orElse(0));
        StatisticsColumn col = s.columns().get(column);
        int height = ROW_HEIGHT * lines.size() + 30;
        b.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(esc(table.english() + ", " + col.english())).append("\">\n");
        b.append("<text x=\"0\" y=\"16\" font-size=\"14\">").append(esc(table.japanese() + "（" + col.japanese() + "）"))
                .append("</text>\n");
        for (int i = 0; i < lines.size(); i++) {
            SharingStatistics.Line l = lines.get(i);
            int value = l.values().get(column);
            int y = 30 + i * ROW_HEIGHT;
            int width = (int) Math.round(BAR_AREA * (double) value / max);
            b.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"13\">").append(esc(l.row().labelJa())).append("</text>")
                    .append("<text x=\"0\" y=\"").append(y + 28).append("\" font-size=\"11\" fill=\"#555\">").append(esc(l.row().labelEn()))
                    .append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 6).append("\" width=\"").append(width)
                    .append("\" height=\"18\" fill=\"#3b6ea5\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"").append(y + 20).append("\" font-size=\"13\">")
                    .append(value).append("</text>\n");
        }
        b.append("</svg>\n<figcaption class=\"en\">").append(esc(col.japanese())).append(" / ").append(esc(col.english()))
                .append("</figcaption>\n</figure>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
