package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.store.ApiTokenStore;
import io.liaison.gateway.store.IdempotencyStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class H2ApiTokenStoreTest extends ApiTokenStoreContractTest {
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:tokens-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
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
