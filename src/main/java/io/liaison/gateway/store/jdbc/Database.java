package io.liaison.gateway.store.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens the database and brings its schema up to date before anything else touches it. */
public final class Database implements AutoCloseable {
    private final ConnectionPool pool;

    private Database(ConnectionPool pool) {
        this.pool = pool;
    }

    /** An H2 database at {@code jdbcUrl} (e.g. {@code jdbc:h2:file:./data/gateway}), migrated. */
    public static Database open(String jdbcUrl, String user, String password) {
        ConnectionPool pool = new ConnectionPool(jdbcUrl, user, password, 16);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
