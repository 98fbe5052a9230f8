package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.OperationalCounts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The counts behind the gauges and the database's readiness, in plain SQL that H2 and PostgreSQL both run.
 * "Migrated" is judged against Flyway's history as it stood when this was built (after {@link Database#open}
 * migrated): the history must still be there, hold no failed migration and reach at least the same rank. Flyway
 * names its table and columns in lower case, quoted on H2; quoted here too, the names are the same on PostgreSQL.
 * A history unreadable at start leaves the database unready at every probe, never the start refused.
 */
public final class JdbcOperationalCounts implements OperationalCounts {
    private static final int VALID_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Sql jdbc;
    private final int migratedRank;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-readiness");
        t.setDaemon(true);
        return t;
    });
    private Future<DatabaseState> probing;

    public JdbcOperationalCounts(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Sql(dataSource);
        this.migratedRank = rankAtStart(dataSource);
    }

    @Override
    public long pendingDeliveries(ChannelKind channel) {
        return jdbc.query("SELECT COUNT(*) FROM delivery WHERE channel = ? AND state = ?",
                ps -> {
                    ps.setString(1, channel.name());
                    ps.setString(2, DeliveryState.PENDING.name());
                },
                rs -> rs.getLong(1)).get(0);
    }

    @Override
    public long unconfirmedOrganisations() {
        return jdbc.query("SELECT COUNT(DISTINCT organisation_id) FROM escalation_watch WHERE state = 'OPEN'",
                ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    /**
     * Answers within {@value #VALID_TIMEOUT_SECONDS} s whatever the database does: a pool waits out its own
     * connection timeout (HikariCP's 30 s on PostgreSQL) for a server that is gone, longer than an orchestrator's
     * probe waits. The probe goes on in the background; the next asks for its answer instead of starting another.
     */
    @Override
    public DatabaseState databaseState() {
        Future<DatabaseState> probe;
        synchronized (this) {
            if (probing == null || probing.isDone()) {
                probing = prober.submit(this::probe);
            }
            probe = probing;
        }
        try {
            return probe.get(VALID_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new DatabaseState(false, "the database does not answer within " + VALID_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            return new DatabaseState(false, "not usable: " + firstLine(String.valueOf(e.getCause().getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DatabaseState(false, "not asked: interrupted");
        }
    }

    private DatabaseState probe() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(VALID_TIMEOUT_SECONDS)) {
                return new DatabaseState(false, "the database does not answer within " + VALID_TIMEOUT_SECONDS + " s");
            }
            History h = history(c);
            if (h.failed() > 0) {
                return new DatabaseState(false, h.failed() + " failed migration(s) in the schema history");
            }
            if (h.rank() < migratedRank) {
                return new DatabaseState(false, "the schema history ends at rank " + h.rank()
                        + ", below the " + migratedRank + " migrated at start");
            }
            return new DatabaseState(true, "reachable, schema version " + h.version());
        } catch (SQLException | RuntimeException e) {
            return new DatabaseState(false, "not usable: " + firstLine(e.getMessage()));
        }
    }

    // Unreadable now means readiness says so at each probe; it never stops the gateway's start.
    private static int rankAtStart(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return history(c).rank();
        } catch (SQLException | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static History history(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"installed_rank\", \"version\", \"success\""
                     + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            int rank = 0;
            int failed = 0;
            String version = "none";
            while (rs.next()) {
                if (!rs.getBoolean(3)) {
                    failed++;
                    continue;
                }
                rank = rs.getInt(1);
                version = rs.getString(2) == null ? version : rs.getString(2);
            }
            return new History(rank, version, failed);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private record History(int rank, String version, int failed) {
    }
}
