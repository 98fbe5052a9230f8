package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.store.ConsoleSession;
import io.liaison.gateway.store.PendingLogin;
import io.liaison.gateway.store.SessionStore;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Console sessions and pending logins in the gateway's database (V70). */
public final class JdbcSessionStore implements SessionStore {
    private final Sql sql;

    public JdbcSessionStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void create(ConsoleSession s) {
        sql.inTransaction(c -> Sql.update(c, "INSERT INTO console_session (id_sha256, issuer, subject, provider, created_at,"
                + " last_seen_at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, s.idSha256());
                    ps.setString(2, s.issuer());
                    ps.setString(3, s.subject());
                    ps.setString(4, s.provider());
                    ps.setTimestamp(5, Sql.ts(s.createdAt()));
                    ps.setTimestamp(6, Sql.ts(s.lastSeenAt()));
                }));
    }

    @Override
    public Optional<ConsoleSession> find(String idSha256) {
        return sql.query("SELECT id_sha256, issuer, subject, provider, created_at, last_seen_at FROM console_session"
                + " WHERE id_sha256 = ?", ps -> ps.setString(1, idSha256),
                rs -> new ConsoleSession(rs.getString(1).trim(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant())).stream().findFirst();
    }

    @Override
    public boolean touch(String idSha256, Instant at) {
        return sql.inTransaction(c -> Sql.update(c, "UPDATE console_session SET last_seen_at = ? WHERE id_sha256 = ?", ps -> {
            ps.setTimestamp(1, Sql.ts(at));
            ps.setString(2, idSha256);
        })) == 1;
    }

    @Override
    public boolean delete(String idSha256) {
        return sql.inTransaction(c -> Sql.update(c, "DELETE FROM console_session WHERE id_sha256 = ?",
                ps -> ps.setString(1, idSha256))) == 1;
    }

    @Override
    public int endExpired(Instant idleBefore, Instant createdBefore) {
        return sql.inTransaction(c -> Sql.update(c, "DELETE FROM console_session WHERE last_seen_at < ? OR created_at < ?", ps -> {
            ps.setTimestamp(1, Sql.ts(idleBefore));
            ps.setTimestamp(2, Sql.ts(createdBefore));
        }));
    }

    @Override
    public void begin(PendingLogin l) {
        sql.inTransaction(c -> Sql.update(c, "INSERT INTO console_login (state_sha256, provider, nonce, code_verifier, next_path,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, l.stateSha256());
                    ps.setString(2, l.provider());
                    ps.setString(3, l.nonce());
                    ps.setString(4, l.codeVerifier());
                    ps.setString(5, l.nextPath());
                    ps.setTimestamp(6, Sql.ts(l.createdAt()));
                }));
    }

    @Override
    public Optional<PendingLogin> take(String stateSha256) {
        Optional<PendingLogin> found = sql.query("SELECT state_sha256, provider, nonce, code_verifier, next_path, created_at"
                + " FROM console_login WHERE state_sha256 = ?", ps -> ps.setString(1, stateSha256),
                rs -> new PendingLogin(rs.getString(1).trim(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).stream().findFirst();
        // Whoever deletes the row owns the login: a replay or a racing second callback deletes nothing.
        boolean mine = found.isPresent() && sql.inTransaction(c -> Sql.update(c,
                "DELETE FROM console_login WHERE state_sha256 = ?", ps -> ps.setString(1, stateSha256))) == 1;
        return mine ? found : Optional.empty();
    }

    @Override
    public int forgetLoginsBefore(Instant cutoff) {
        return sql.inTransaction(c -> Sql.update(c, "DELETE FROM console_login WHERE created_at < ?",
                ps -> ps.setTimestamp(1, Sql.ts(cutoff))));
    }
}
