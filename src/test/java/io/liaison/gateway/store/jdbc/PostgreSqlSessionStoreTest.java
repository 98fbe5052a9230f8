package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.testing.PostgreSqlCluster;
import io.liaison.gateway.testing.TestDatabase;
import java.util.Optional;

/** The session store's contract on PostgreSQL, a fresh database on the test cluster for each test. */
class PostgreSqlSessionStoreTest extends SessionStoreContractTest {
    @Override
    protected TestDatabase freshDatabase() {
        PostgreSqlCluster cluster = PostgreSqlCluster.shared();
        return new TestDatabase(cluster.freshDatabase(), cluster.user(), cluster.password(), Optional.of(cluster.passwordFile()));
    }
}
