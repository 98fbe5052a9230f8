package io.liaison.gateway.store.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a database that must already exist, for commands that only read the ledger ({@code status}, {@code stats},
 * {@code incident show}). H2 creates an empty database wherever a URL points; with a relative path that meant
 * {@code status} run from another folder answered "no notice" from a database made a moment before, and the
 * operator believed the notice was lost. A reader never creates a database: it is refused, naming the path.
 */
public final class ExistingDatabase {
    private ExistingDatabase() {
    }

    public static Database open(String jdbcUrl, String user, String password) {
        Optional<Path> file = Database.h2File(jdbcUrl);
        if (file.isPresent() && !Files.isRegularFile(Path.of(file.get() + ".mv.db"))) {
            throw new NoStoredDatabaseException(file.get());
        }
        return Database.open(jdbcUrl, user, password);
    }

    /** The embedded database file a reading command was pointed at does not exist. */
    public static final class NoStoredDatabaseException extends RuntimeException {
        private final Path file;

        NoStoredDatabaseException(Path file) {
            super("no gateway database at " + file + ".mv.db; this command only reads and never creates one. A relative"
                    + " gateway.db.url is resolved against the folder the command runs in (" + Path.of("").toAbsolutePath()
                    + "): give --config with the deployment's settings (init writes an absolute path)");
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }
}
