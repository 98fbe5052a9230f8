package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.stats.StatisticsText;
import io.liaison.gateway.stats.StatisticsPeriod;
import io.liaison.gateway.stats.StatisticsFiles;
import io.liaison.gateway.stats.StatisticsCounter;
import io.liaison.gateway.stats.SharingStatistics;
import io.liaison.gateway.stats.FiscalQuarter;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.ExistingDatabase;
import io.liaison.gateway.store.jdbc.JdbcStatisticsSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stats --quarter 2026Q3 | --fiscal-year 2026 [--out DIR]}: the seed's quarterly table from the ledger. It
 * reads the database and the directory only; it needs neither the keys nor the mail and SMS servers.
 */
@Command(name = "stats", description = "Quarterly statistics of information sharing (情報共有件数) as CSV and HTML."
        + " Japanese fiscal year: FY2026 = April 2026 to March 2027; 2026Q3 = October–December 2026 (Asia/Tokyo).")
public final class StatsCommand implements Callable<Integer> {
    static final int REFUSED = 2;

    @Option(names = "--config", description = "Properties file overriding the built-in settings.")
    Path config;

    @ArgGroup(multiplicity = "1")
    Period period;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where to write the CSV and HTML (default: here).")
    Path out;

    /** Exactly one of the two. */
    static final class Period {
        @Option(names = "--quarter", paramLabel = "YYYYQn", required = true,
                description = "A fiscal quarter, e.g. 2026Q3 (FY2026 Q3 = October–December 2026); the table runs from Q1 to it.")
        String quarter;

        @Option(names = "--fiscal-year", paramLabel = "YYYY", required = true,
                description = "A whole fiscal year, e.g. 2026 (April 2026 to March 2027).")
        Integer fiscalYear;
    }

    @Override
    public Integer call() throws Exception {
        StatisticsPeriod asked;
        if (period.quarter != null) {
            Optional<FiscalQuarter> q = FiscalQuarter.parse(period.quarter);
            if (q.isEmpty()) {
                System.err.println("refused: --quarter: \"" + period.quarter + "\" is not a fiscal quarter; write YYYYQn, e.g. 2026Q3"
                        + " (FY2026 Q3 = October–December 2026)");
                return REFUSED;
            }
            asked = StatisticsPeriod.quarter(q.get());
        } else {
            if (period.fiscalYear < 2000 || period.fiscalYear > 2999) {
                System.err.println("refused: --fiscal-year: " + period.fiscalYear + " is not a fiscal year such as 2026");
                return REFUSED;
            }
            asked = StatisticsPeriod.fiscalYear(period.fiscalYear);
        }
        GatewaySettings settings = GatewaySettings.load(Optional.ofNullable(config), new Properties());
        Directory directory = new DirectoryLoader(Clock.systemUTC(), new OpenPgpCertificateReader()).load(settings.path("gateway.directory"));
        try (Database db = ExistingDatabase.open(settings.get("gateway.db.url"), settings.get("gateway.db.user"),
                settings.databasePassword())) {
            SharingStatistics s = new StatisticsCounter(directory).count(asked, new JdbcStatisticsSource(db.dataSource()));
            System.out.print(StatisticsText.render(s));
            for (Path p : StatisticsFiles.write(s, out)) {
                System.out.println("wrote " + p.toAbsolutePath());
            }
            return 0;
        }
    }
}
