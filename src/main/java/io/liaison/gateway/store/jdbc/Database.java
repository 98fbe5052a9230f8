package io.liaison.gateway.store.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/** Opens the database and brings its schema up to date before anything else touches it. */
public final class Database implements AutoCloseable {
    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** An H2 database at {@code jdbcUrl} (e.g. {@code jdbc:h2:file:./data/gateway}), migrated. */
    public static Database open(String jdbcUrl, String user, String password) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user, password);
        pool.setMaxConnections(16);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
