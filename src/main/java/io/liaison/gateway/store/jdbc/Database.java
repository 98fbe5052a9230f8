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
        ConnectionPool pool = new ConnectionPool(closedByItsOwner(jdbcUrl), user, password, 16);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    /**
     * H2 closes a database from a JVM shutdown hook of its own unless told not to; on a stop signal that
     * hook ran beside the gateway's orderly close, and the routes still running met a closed database.
     * The gateway closes its database itself, last, so H2's hook is turned off unless the URL says otherwise.
     */
    static String closedByItsOwner(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
