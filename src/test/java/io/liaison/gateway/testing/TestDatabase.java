package io.liaison.gateway.testing;

import io.liaison.gateway.store.jdbc.Database;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database a test runs on: the H2 URL the test names (the default), or, with
 * {@code -Dliaison.test.database=postgresql}, a fresh database on this JVM's throw-away PostgreSQL cluster
 * ({@link PostgreSqlCluster#shared()}). Every fixture and test that builds a gateway's database asks here,
 * so the same test runs on both stores.
 *
 * @param passwordFile the password as {@code gateway.db.password-file} reads it (PostgreSQL only; H2 tests run
 *                     in demo mode without one)
 */
public record TestDatabase(String url, String user, String password, Optional<Path> passwordFile) {

    /** True when this run uses PostgreSQL. */
    public static boolean postgreSql() {
        return PostgreSqlCluster.selected();
    }

    /** The PostgreSQL database standing in for each H2 URL: the same URL twice is the same database, as on H2. */
    private static final Map<String, TestDatabase> STAND_INS = new ConcurrentHashMap<>();

    /**
     * {@code h2Url} as given, or the PostgreSQL database standing in for it: fresh and migrated the first time,
     * the same one when the URL is asked for again (a gateway restarted on its file, a second reader).
     */
    public static TestDatabase orH2(String h2Url) {
        if (!postgreSql()) {
            return new TestDatabase(h2Url, "sa", "", Optional.empty());
        }
        String inherited = System.getProperty(INHERITED_URL);
        if (inherited != null) {
            Path file = Path.of(System.getProperty(INHERITED_PASSWORD_FILE));
            return new TestDatabase(inherited, System.getProperty(INHERITED_USER), readPassword(file), Optional.of(file));
        }
        return STAND_INS.computeIfAbsent(h2Url.split(";", 2)[0], k -> {
            PostgreSqlCluster cluster = PostgreSqlCluster.shared();
            return new TestDatabase(cluster.freshDatabase(), cluster.user(), cluster.password(), Optional.of(cluster.passwordFile()));
        });
    }

    /** A file database under {@code work} on H2, or a fresh PostgreSQL database. */
    public static TestDatabase fileIn(Path work, String name) {
        return orH2("jdbc:h2:file:" + work.resolve(name).toAbsolutePath() + ";WRITE_DELAY=0");
    }

    /** An in-memory database on H2, or a fresh PostgreSQL database. */
    public static TestDatabase inMemory(String name) {
        return orH2("jdbc:h2:mem:" + name + "-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private static final String INHERITED_URL = "liaison.test.database.url";
    private static final String INHERITED_USER = "liaison.test.database.user";
    private static final String INHERITED_PASSWORD_FILE = "liaison.test.database.password-file";

    /**
     * JVM options for a child process a test starts (a gateway to be killed): on PostgreSQL the child works on
     * this very database instead of a cluster of its own. Empty on H2, where the file URL already says it.
     */
    public java.util.List<String> childJvmOptions() {
        if (passwordFile.isEmpty()) {
            return java.util.List.of();
        }
        return java.util.List.of("-D" + PostgreSqlCluster.DATABASE_PROPERTY + "=postgresql", "-D" + INHERITED_URL + "=" + url,
                "-D" + INHERITED_USER + "=" + user, "-D" + INHERITED_PASSWORD_FILE + "=" + passwordFile.get());
    }

    private static String readPassword(Path file) {
        try {
            return java.nio.file.Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the test database's password file " + file, e);
        }
    }

    /** Opens (and migrates) it, as the gateway does. */
    public Database open() {
        return Database.open(url, user, password);
    }

    /**
     * The gateway settings that point at it; on PostgreSQL also the journal folder, which on H2 lies beside the
     * database file and otherwise defaults to ./data, shared by every test.
     */
    public void applyTo(Properties p, Path work) {
        p.setProperty("gateway.db.url", url);
        p.setProperty("gateway.db.user", user);
        passwordFile.ifPresent(f -> {
            p.setProperty("gateway.db.password-file", f.toString());
            p.setProperty("gateway.db.password-env", "LIAISON_TEST_UNSET_DB_PASSWORD");
            p.setProperty("gateway.dispatch.journal-dir", work.resolve("journal").toAbsolutePath().toString());
        });
    }
}
