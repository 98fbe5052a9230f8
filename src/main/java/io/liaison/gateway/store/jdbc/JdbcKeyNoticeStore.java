package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.keys.rollover.KeyNoticeStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** {@link KeyNoticeStore} on JDBC: tables key_announcement and certificate_expiry_notice (V65, V66), portable SQL. */
public final class JdbcKeyNoticeStore implements KeyNoticeStore {
    private final Sql sql;
    private final DataSource dataSource;

    public JdbcKeyNoticeStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
        this.dataSource = dataSource;
    }

    @Override
    public Set<String> announcedTo(String fingerprint) {
        return new TreeSet<>(sql.query("SELECT poc_id FROM key_announcement WHERE key_fingerprint = ?",
                ps -> ps.setString(1, fingerprint), rs -> rs.getString(1)));
    }

    @Override
    public void recordAnnouncement(String fingerprint, String pocId, String reference, Instant at) {
        sql.update("INSERT INTO key_announcement (key_fingerprint, poc_id, reference, announced_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, fingerprint);
            ps.setString(2, pocId);
            ps.setString(3, reference);
            ps.setTimestamp(4, Sql.ts(at));
        });
    }

    @Override
    public boolean claimExpiryNotice(String fingerprint, String pocId, int thresholdDays, Instant at) {
        // The primary key decides: the insert that succeeds is the one that tells.
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "INSERT INTO certificate_expiry_notice (certificate_fingerprint, poc_id, threshold_days, told_at)"
                    + " VALUES (?, ?, ?, ?)", ps -> {
                        ps.setString(1, fingerprint);
                        ps.setString(2, pocId);
                        ps.setInt(3, thresholdDays);
                        ps.setTimestamp(4, Sql.ts(at));
                    });
            return true;
        } catch (SQLException e) {
            if (Sql.isConstraintViolation(e)) {
                return false;
            }
            throw new StoreException("database write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void recordExpiryNotice(String fingerprint, String pocId, int thresholdDays, String reference) {
        sql.update("UPDATE certificate_expiry_notice SET reference = ? WHERE certificate_fingerprint = ? AND poc_id = ?"
                + " AND threshold_days = ?", ps -> {
                    ps.setString(1, reference);
                    ps.setString(2, fingerprint);
                    ps.setString(3, pocId);
                    ps.setInt(4, thresholdDays);
                });
    }
}
