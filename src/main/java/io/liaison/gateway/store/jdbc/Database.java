package io.liaison.gateway.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Opens the database and brings its schema up to date before anything else touches it. */
public final class Database implements AutoCloseable {
    /** Connections per gateway: the dispatchers' and intake's threads borrow one at a time. */
    static final int MAX_CONNECTIONS = 16;

    private final DataSource dataSource;
    private final AutoCloseable pool;
    private final Dialect dialect;

    private Database(DataSource dataSource, AutoCloseable pool, Dialect dialect) {
        this.dataSource = dataSource;
        this.pool = pool;
        this.dialect = dialect;
    }

    /**
     * The database at {@code jdbcUrl}, migrated: an embedded H2 file or memory database
     * ({@code jdbc:h2:file:./data/gateway}) or a PostgreSQL server ({@code jdbc:postgresql://host:5432/gateway},
     * TLS with {@code ?sslmode=verify-full&sslrootcert=/path/root.crt}).
     */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.of(jdbcUrl);
        return switch (dialect) {
            case H2 -> openH2(jdbcUrl, user, password);
            case POSTGRESQL -> openPostgreSql(jdbcUrl, user, password);
        };
    }

    private static Database openH2(String jdbcUrl, String user, String password) {
        java.util.Optional<java.nio.file.Path> file = h2File(jdbcUrl);
        // H2 creates its files with the process's umask; its folder is made owner-only first, its files after
        file.map(java.nio.file.Path::getParent).ifPresent(io.liaison.gateway.files.OwnerOnly::createDirectoriesUnchecked);
        ConnectionPool pool = new ConnectionPool(closedByItsOwner(jdbcUrl), user, password, MAX_CONNECTIONS);
        try {
            migrate(pool, Dialect.H2, pool);
        } catch (RuntimeException e) {
            if (file.isPresent() && inUse(e)) {
                throw new DatabaseInUseException(file.get(), e);
            }
            throw e;
        }
        file.ifPresent(f -> io.liaison.gateway.files.OwnerOnly.restrictAll(f.getParent(), f.getFileName().toString() + "."));
        return new Database(pool, pool, Dialect.H2);
    }

    /**
     * HikariCP on PostgreSQL: connections there are network sessions that can break (a restarted or
     * failed-over server), and Hikari checks, replaces and times them out. The own {@link ConnectionPool}
     * stays for H2 only, where it saves H2's two rollbacks per loan.
     */
    private static Database openPostgreSql(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        // A gateway at rest needs few sessions; a fan-out grows the pool to its maximum.
        config.setMinimumIdle(2);
        config.setConnectionTimeout(30_000);
        config.setPoolName("liaison-gateway");
        // Fail at start, naming the server, rather than on the first notice.
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("the PostgreSQL database at " + withoutCredentials(jdbcUrl)
                    + " cannot be opened: " + rootMessage(e), e);
        }
        migrate(pool, Dialect.POSTGRESQL, pool);
        return new Database(pool, pool, Dialect.POSTGRESQL);
    }

    private static void migrate(DataSource dataSource, Dialect dialect, AutoCloseable pool) {
        try {
            DialectMigrations.configure(dataSource, dialect).load().migrate();
        } catch (RuntimeException e) {
            closeQuietlyAfter(pool, e);
            throw e;
        }
    }

    private static void closeQuietlyAfter(AutoCloseable pool, RuntimeException cause) {
        try {
            pool.close();
        } catch (Exception closing) {
            cause.addSuppressed(closing);
        }
    }

    /** The URL as it may appear in a message: query parameters (which may carry a password) left out. */
    static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
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
        return dataSource;
    }

    /** Which SQL dialect the adapters speak to this database. */
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new StoreException("closing the database failed: " + e.getMessage(), e);
        }
    }

    /** H2's "Database may be already in use" (error 90020): another process, such as a running serve, holds the file. */
    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    /**
     * The embedded H2 file is held by another process: one process owns it, and while {@code serve} runs that
     * is serve. Said in one line, naming the way that works meanwhile: the API.
     */
    public static final class DatabaseInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient java.nio.file.Path file;

        DatabaseInUseException(java.nio.file.Path file, Throwable cause) {
            super("the database " + file + ".mv.db is in use by another process (a running serve owns it): act through"
                    + " its API instead, e.g. 'api send FILE', 'api status REF', 'api ack REF' with a token in LIAISON_API_TOKEN_FILE"
                    + " (see README, The CLI as an API client); or stop serve first", cause);
            this.file = file;
        }

        public java.nio.file.Path file() {
            return file;
        }
    }

    /** The database server could not be reached or refused the gateway's login. */
    public static final class DatabaseUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
