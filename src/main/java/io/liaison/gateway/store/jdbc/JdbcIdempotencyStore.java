package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.store.IdempotencyStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Idempotency keys in the gateway's database (V55); the primary key decides a race, portably. */
public final class JdbcIdempotencyStore implements IdempotencyStore {
    private final Sql sql;

    public JdbcIdempotencyStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public Optional<Answer> find(String caller, String key) {
        return sql.query("SELECT request_sha256, status, content_type, body FROM idempotency_key WHERE caller = ? AND idem_key = ?",
                ps -> {
                    ps.setString(1, caller);
                    ps.setString(2, key);
                }, rs -> new Answer(rs.getString(1).trim(), rs.getInt(2), rs.getString(3), rs.getString(4))).stream().findFirst();
    }

    @Override
    public Answer remember(String caller, String key, Answer answer, Instant now) {
        try {
            sql.inTransaction(c -> Sql.update(c, "INSERT INTO idempotency_key (caller, idem_key, request_sha256, status, content_type,"
                    + " body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, caller);
                        ps.setString(2, key);
                        ps.setString(3, answer.requestSha256());
                        ps.setInt(4, answer.status());
                        ps.setString(5, answer.contentType());
                        ps.setString(6, answer.body());
                        ps.setTimestamp(7, Sql.ts(now));
                    }));
            return answer;
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && Sql.isConstraintViolation(s)) {
                return find(caller, key).orElseThrow(() -> e);
            }
            throw e;
        }
    }
}
