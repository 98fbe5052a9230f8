package io.liaison.gateway.demo;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.SkippingClock;
import io.liaison.gateway.stats.FiscalQuarter;
import io.liaison.gateway.stats.SharingStatistics;
import io.liaison.gateway.stats.StatisticsCounter;
import io.liaison.gateway.stats.StatisticsFiles;
import io.liaison.gateway.stats.StatisticsPeriod;
import io.liaison.gateway.store.jdbc.JdbcStatisticsSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The demo's statistics: the current fiscal quarter (Tokyo), counted from what the demo stored, as CSV and HTML. */
final class DemoStatistics {
    private DemoStatistics() {
    }

    static void write(Gateway gateway, Path dir, PrintStream out, Instant now) throws IOException {
        StatisticsPeriod period = StatisticsPeriod.quarter(FiscalQuarter.containing(now));
        SharingStatistics s = new StatisticsCounter(gateway.directory()).count(period, new JdbcStatisticsSource(gateway.dataSource()));
        List<Path> files = StatisticsFiles.write(s, dir);
        out.printf("Wrote the statistics for %s（%s）/ %s: %s%n", period.japanese(), period.japaneseMonths(), period.english(),
                String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList()));
    }
}
