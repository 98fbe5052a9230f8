package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.store.ApiToken;
import io.liaison.gateway.store.ApiTokenScope;
import io.liaison.gateway.store.ApiTokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** API tokens in the gateway's database (V55); portable SQL. */
public final class JdbcApiTokenStore implements ApiTokenStore {
    private static final String COLUMNS = "id, secret_sha256, organisation_id, poc_id, person_id, scope, label, created_at,"
            + " expires_at, revoked_at, last_used_at";

    private final Sql sql;

    public JdbcApiTokenStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void add(ApiToken t) {
        sql.update("INSERT INTO api_token (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, t.id());
            ps.setString(2, t.secretSha256());
            ps.setString(3, t.organisationId());
            ps.setString(4, t.pocId());
            ps.setString(5, t.person().orElse(null));
            ps.setString(6, t.scope().yamlName());
            ps.setString(7, Sql.truncate(t.label(), 200));
            ps.setTimestamp(8, Sql.ts(t.createdAt()));
            ps.setTimestamp(9, Sql.ts(t.expiresAt()));
            ps.setTimestamp(10, Sql.ts(t.revokedAt().orElse(null)));
            ps.setTimestamp(11, Sql.ts(t.lastUsedAt().orElse(null)));
        });
    }

    @Override
    public Optional<ApiToken> find(String id) {
        return sql.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", ps -> ps.setString(1, id), JdbcApiTokenStore::read)
                .stream().findFirst();
    }

    @Override
    public List<ApiToken> all() {
        return sql.query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC, id", ps -> { }, JdbcApiTokenStore::read);
    }

    @Override
    public boolean revoke(String id, Instant now) {
        return sql.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", ps -> {
            ps.setTimestamp(1, Sql.ts(now));
            ps.setString(2, id);
        }) == 1;
    }

    @Override
    public void used(String id, Instant now) {
        sql.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Sql.ts(now));
            ps.setString(2, id);
        });
    }

    private static ApiToken read(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("secret_sha256").trim(), rs.getString("organisation_id"),
                rs.getString("poc_id"), Optional.ofNullable(rs.getString("person_id")), ApiTokenScope.parse(rs.getString("scope")),
                rs.getString("label"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                Sql.instant(rs, "revoked_at"), Sql.instant(rs, "last_used_at"));
    }
}
