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
 * keys, no channels, nothing dispatched. (H2 in a file is one process's: stop {@code serve} first, or
 * use PostgreSQL.)
 */
public final class TokenAdministration implements AutoCloseable {
    private final Database database;
    private final ApiTokens tokens;
    private final Actors actors;

    public TokenAdministration(GatewaySettings settings) throws io.liaison.gateway.directory.DirectoryException {
        Clock clock = Clock.systemUTC();
        Directory directory = new DirectoryLoader(clock, new OpenPgpCertificateReader()).load(settings.path("gateway.directory"));
        this.database = Database.open(settings.get("gateway.db.url"), settings.get("gateway.db.user"), settings.databasePassword());
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

    @Override
    public void close() {
        database.close();
    }
}
