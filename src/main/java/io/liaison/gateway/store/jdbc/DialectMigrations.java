package io.liaison.gateway.store.jdbc;

import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * The migrations one dialect runs: the portable files directly in {@code db/migration} and those in the
 * dialect's own sub-folder. Flyway scans a classpath location with all its sub-folders and drops a
 * sub-location named beside it, so naming {@code db/migration} and {@code db/migration/postgresql} as
 * locations would run the H2 folder on PostgreSQL too; this provider scans once and keeps only the two.
 * (Flyway's {@link Scanner} is internal API; {@code H2RunsOnlyPortableAndItsOwnMigrationsTest} notices a change.)
 */
final class DialectMigrations implements ResourceProvider {
    static final String ROOT = "db/migration";

    private final ResourceProvider all;
    private final Dialect dialect;

    private DialectMigrations(ResourceProvider all, Dialect dialect) {
        this.all = all;
        this.dialect = dialect;
    }

    /** Flyway configured on {@code dataSource} with the migrations of {@code dialect}. */
    static FluentConfiguration configure(javax.sql.DataSource dataSource, Dialect dialect) {
        FluentConfiguration config = org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:" + ROOT);
        Scanner<JavaMigration> scanner = new Scanner<>(JavaMigration.class, config, config.getLocations());
        return config.resourceProvider(new DialectMigrations(scanner, dialect));
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource r = all.getResource(name);
        return r != null && runs(r) ? r : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
        return all.getResources(prefix, suffixes).stream().filter(this::runs).toList();
    }

    /** Directly in db/migration, or in this dialect's folder; never in another dialect's. */
    private boolean runs(LoadableResource r) {
        String path = r.getAbsolutePath().replace('\\', '/');
        int at = path.lastIndexOf(ROOT + "/");
        String relative = at < 0 ? path : path.substring(at + ROOT.length() + 1);
        int slash = relative.indexOf('/');
        return slash < 0 || relative.substring(0, slash).equals(dialect.folder());
    }
}
