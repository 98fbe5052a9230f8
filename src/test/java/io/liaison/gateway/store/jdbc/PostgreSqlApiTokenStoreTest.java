package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.store.ApiTokenStore;
import io.liaison.gateway.store.IdempotencyStore;
import io.liaison.gateway.testing.PostgreSqlCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The API token and idempotency stores' contract on PostgreSQL, a fresh database on the test cluster for each test. */
class PostgreSqlApiTokenStoreTest extends ApiTokenStoreContractTest {
    private Database db;

    @BeforeEach
    void open() {
        PostgreSqlCluster cluster = PostgreSqlCluster.shared();
        db = Database.open(cluster.freshDatabase(), cluster.user(), cluster.password());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    ApiTokenStore tokens() {
        return new JdbcApiTokenStore(db.dataSource());
    }

    @Override
    IdempotencyStore idempotency() {
        return new JdbcIdempotencyStore(db.dataSource());
    }
}
