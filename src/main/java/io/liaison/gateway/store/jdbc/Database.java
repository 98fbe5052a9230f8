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
        java.util.Optional<java.nio.file.Path> file = h2File(jdbcUrl);
        // H2 creates its files with the process's umask; its folder is made owner-only first, its files after
        file.map(java.nio.file.Path::getParent).ifPresent(io.liaison.gateway.files.OwnerOnly::createDirectoriesUnchecked);
        ConnectionPool pool = new ConnectionPool(closedByItsOwner(jdbcUrl), user, password, 16);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        file.ifPresent(f -> io.liaison.gateway.files.OwnerOnly.restrictAll(f.getParent(), f.getFileName().toString() + "."));
        return new Database(pool);
    }

    /** The path an embedded H2 URL names ({@code jdbc:h2:file:./data/gateway;...} → {@code ./data/gateway}), absolute. */
    public static java.util.Optional<java.nio.file.Path> h2File(String jdbcUrl) {
        String prefix = "jdbc:h2:file:";
        if (!jdbcUrl.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String path = jdbcUrl.substring(prefix.length()).split(";", 2)[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return java.util.Optional.of(java.nio.file.Path.of(path).toAbsolutePath().normalize());
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
