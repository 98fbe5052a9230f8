package io.liaison.gateway.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the CSV and the HTML page of a table into a folder: {@code stats-2026Q3.csv} and {@code stats-2026Q3.html}. */
public final class StatisticsFiles {
    private StatisticsFiles() {
    }

    public static List<Path> write(SharingStatistics s, Path dir) throws IOException {
        io.liaison.gateway.files.OwnerOnly.createDirectories(dir);
        Path csv = dir.resolve(s.period().fileBase() + ".csv");
        Path html = dir.resolve(s.period().fileBase() + ".html");
        io.liaison.gateway.files.OwnerOnly.write(csv, StatisticsCsv.write(s));
        io.liaison.gateway.files.OwnerOnly.write(html, StatisticsHtml.render(s).getBytes(StandardCharsets.UTF_8));
        return List.of(csv, html);
    }
}
