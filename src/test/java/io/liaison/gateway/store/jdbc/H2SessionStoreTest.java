package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.testing.TestDatabase;
import java.util.Optional;
import java.util.UUID;

/** The session store's contract on H2, the embedded default. */
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "liaison.test.database", matches = "postgresql",
        disabledReason = "H2 by name: the PostgreSQL leg has PostgreSqlSessionStoreTest")
class H2SessionStoreTest extends SessionStoreContractTest {
    @Override
    protected TestDatabase freshDatabase() {
        return new TestDatabase("jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", Optional.empty());
    }
}
