package io.liaison.gateway.store.jdbc;

import java.util.Locale;

/**
 * The SQL dialect of the store, chosen from the JDBC URL. Most SQL is portable and lives in the adapters
 * as it is; what must differ between H2 and PostgreSQL is asked of this enum, and the Flyway migrations
 * that must differ live in the dialect's own folder beside the portable {@code db/migration}
 * (version numbers are global across the three folders).
 */
public enum Dialect {
    /** The embedded default: one process on one file (demo, a single host). */
    H2("jdbc:h2:", "h2"),
    /** The production store: several gateway nodes on one database. */
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String folder;

    Dialect(String urlPrefix, String folder) {
        this.urlPrefix = urlPrefix;
        this.folder = folder;
    }

    /** The dialect of {@code jdbcUrl}; any other database is refused by name rather than tried. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new UnsupportedDatabaseException("setting gateway.db.url is empty: give a jdbc:h2: or jdbc:postgresql: URL");
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        for (Dialect d : values()) {
            if (lower.startsWith(d.urlPrefix)) {
                return d;
            }
        }
        int second = jdbcUrl.indexOf(':', jdbcUrl.indexOf(':') + 1);
        String scheme = second > 0 ? jdbcUrl.substring(0, second + 1) : "not a JDBC URL";
        throw new UnsupportedDatabaseException("setting gateway.db.url names an unsupported database (" + scheme
                + "): the gateway runs on H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:)");
    }

    /** The sub-folder of {@code db/migration} with the migrations only this dialect runs. */
    String folder() {
        return folder;
    }

    /**
     * The clause that locks the selected rows for this transaction and passes over rows another
     * transaction holds: PostgreSQL's {@code SKIP LOCKED} lets several nodes claim from one queue without
     * waiting on each other. H2 (one process) locks and waits.
     */
    public String forUpdateSkipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
    }

    /** A JDBC URL this gateway cannot open. */
    public static final class UnsupportedDatabaseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnsupportedDatabaseException(String message) {
            super(message);
        }
    }
}
