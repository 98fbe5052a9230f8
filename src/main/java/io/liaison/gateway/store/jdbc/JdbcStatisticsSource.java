package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.stats.ProvisionFact;
import io.liaison.gateway.stats.ReportFact;
import io.liaison.gateway.stats.StatisticsSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The statistics' view of the ledger: read-only, plain SQL that H2 and PostgreSQL both run. */
public final class JdbcStatisticsSource implements StatisticsSource {
    private final Sql jdbc;

    public JdbcStatisticsSource(DataSource dataSource) {
        this.jdbc = new Sql(dataSource);
    }

    @Override
    public List<ReportFact> reports(Instant end) {
        return jdbc.query("SELECT incident_key, reporter_org, received_at, event_type, causes FROM incident_report"
                        + " WHERE exercise = FALSE AND received_at < ? ORDER BY received_at, id",
                ps -> ps.setTimestamp(1, Timestamp.from(end)),
                rs -> new ReportFact(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Optional.ofNullable(rs.getString(4)).filter(s -> !s.isEmpty()), split(rs.getString(5))));
    }

    @Override
    public List<ProvisionFact> niscProvisions(String niscOrg, Instant end) {
        return jdbc.query("SELECT n.reference, n.created_at FROM notice n WHERE n.originator_org = ? AND n.exercise = FALSE"
                        + " AND n.reference NOT LIKE '%-EXERCISE-%' AND n.follow_up_type IS NULL AND n.kind IN (?, ?) AND n.created_at < ?"
                        + " AND EXISTS (SELECT 1 FROM delivery d WHERE d.reference = n.reference) ORDER BY n.created_at",
                ps -> {
                    ps.setString(1, niscOrg);
                    ps.setString(2, NoticeKind.PROVISION.name());
                    ps.setString(3, NoticeKind.EARLY_WARNING.name());
                    ps.setTimestamp(4, Timestamp.from(end));
                },
                rs -> new ProvisionFact(rs.getString(1), rs.getTimestamp(2).toInstant()));
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
