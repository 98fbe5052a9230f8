package io.liaison.gateway.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the gateway writes to disk (database, acceptance journals, fax spool, demo output) holds
 * notice text, addresses or delivery records: its folders are created {@code rwx------} and its files
 * {@code rw-------}, whatever the process's umask. On a file system without POSIX permissions (Windows,
 * some network shares) nothing can be set: that is said once per file system, not at every file.
 */
public final class OwnerOnly {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<FileSystem> WARNED = ConcurrentHashMap.newKeySet();

    private OwnerOnly() {
    }

    /** Creates {@code dir} and every missing parent as {@code rwx------}; folders that already exist are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        boolean posix = posix(absolute);
        for (Path p : missing) {
            try {
                if (posix) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(FOLDER));
                    // the umask may have masked the attribute; owner-only needs no bit the umask could remove, but be exact
                    Files.setPosixFilePermissions(p, FOLDER);
                } else {
                    Files.createDirectory(p);
                }
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // created meanwhile by another thread or process: theirs to decide
            }
        }
        return dir;
    }

    /** As {@link #createDirectories(Path)}, for callers that cannot throw {@link IOException}. */
    public static Path createDirectoriesUnchecked(Path dir) {
        try {
            return createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The attributes for {@code Files.createFile}/{@code FileChannel.open} of a new file in {@code dir}: owner-only where POSIX. */
    public static FileAttribute<?>[] fileAttributes(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Makes an existing file {@code rw-------} (for files another library created, such as H2's). */
    public static void restrict(Path file) {
        if (!Files.isRegularFile(file) || !posix(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException e) {
            LOG.warn("could not make {} readable by the gateway's user only: {}", file, e.getMessage());
        }
    }

    /** {@link #restrict} every file in {@code dir} whose name starts with {@code prefix}. */
    public static void restrictAll(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
            files.forEach(OwnerOnly::restrict);
        } catch (IOException e) {
            LOG.warn("could not list {} to restrict its files: {}", dir, e.getMessage());
        }
    }

    /** Writes {@code content} to {@code file}, created or replaced, {@code rw-------}. */
    public static void write(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try (var out = Files.newByteChannel(file, Set.of(java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING),
                fileAttributes(parent == null ? file : parent))) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                out.write(b);
            }
        }
        restrict(file);
    }

    private static boolean posix(Path near) {
        FileSystem fs = near.getFileSystem();
        if (fs.supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        if (WARNED.add(fs)) {
            LOG.warn("the file system of {} has no POSIX permissions: the gateway's data files there are protected only by "
                    + "the folder's own access rules; keep them on a disk only the gateway's user can read", near);
        }
        return false;
    }
}
