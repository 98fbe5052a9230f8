package io.liaison.gateway.app;

import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Actors;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcApiTokenStore;
import io.liaison.gateway.store.jdbc.JdbcAuditLog;
import java.time.Clock;

/**
 * The {@code token} commands' room on the gateway host: the ledger's database and the directory, no
 * keys, no channels, nothing dispatched. H2 in a file is one process's: while {@code serve} runs, the
 * token commands go through its loopback administrator door instead ({@link LocalAdministrator}).
 */
public final class TokenAdministration implements AutoCloseable {
    private final Database database;
    private final ApiTokens tokens;
    private final Actors actors;

    public TokenAdministration(GatewaySettings settings) throws io.liaison.gateway.directory.DirectoryException {
        Clock clock = Clock.systemUTC();
        Directory directory = new DirectoryLoader(clock, new OpenPgpCertificateReader()).load(settings.path("gateway.directory"));
        try {
            this.database = Database.open(settings.get("gateway.db.url"), settings.get("gateway.db.user"), settings.databasePassword());
        } catch (Database.DatabaseInUseException e) {
            throw new HeldByServe(e.file(), LocalAdministrator.file(settings), e);
        }
        this.actors = new Actors(() -> directory);
        this.tokens = new ApiTokens(new JdbcApiTokenStore(database.dataSource()), actors, new JdbcAuditLog(database.dataSource(), clock),
                clock);
    }

    public ApiTokens tokens() {
        return tokens;
    }

    /** The local administrator, acting as {@code --as NAME} (a person or point of contact of the directory). */
    public Actor admin(String name) {
        return actors.resolveLocal(name);
    }

    /** The H2 file is held by another process (a running serve) whose administrator token file is not where these settings say. */
    public static final class HeldByServe extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeldByServe(java.nio.file.Path database, java.nio.file.Path tokenFile, Throwable cause) {
            super("the database " + database + ".mv.db is in use by another process (a running serve), and there is no local"
                    + " administrator token file at " + tokenFile + ": run token with the --config serve runs with (its start"
                    + " prints the file's path), or stop serve first", cause);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
