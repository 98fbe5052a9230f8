package io.liaison.gateway.dispatch.fax;

import io.liaison.gateway.dispatch.TransportFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.UUID;

/**
 * Leaves the fax for a fax server in a spool directory: {@code <job>.tif} (the pages) and then
 * {@code <job>.job} (a small UTF-8 {@code key=value} description: number, subaddress, pages,
 * resolution, reference, level). Each file is written under a hidden temporary name
 * ({@code .<name>.<random>.tmp}), forced to disk and only then renamed atomically, so a server that
 * watches the folder never sees half a file; the {@code .job} file appears last, so when it is there
 * its document is complete.
 */
public final class SpoolDirectoryFaxBridge implements FaxBridge {
    /** Extension of the description file whose appearance means "job ready". */
    public static final String JOB_EXTENSION = ".job";
    public static final String DOCUMENT_EXTENSION = ".tif";

    /** Called when a file is complete under its temporary name, just before the rename; for tests. */
    @FunctionalInterface
    public interface BeforePublish {
        void reached(Path temporary, Path target) throws IOException;
    }

    private final Path directory;
    private final Clock clock;
    private final BeforePublish beforePublish;

    public SpoolDirectoryFaxBridge(Path directory, Clock clock) {
        this(directory, clock, (temporary, target) -> { });
    }

    public SpoolDirectoryFaxBridge(Path directory, Clock clock, BeforePublish beforePublish) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
        this.beforePublish = beforePublish;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String submit(FaxJob job) throws TransportFailure {
        String name = job.name();
        try {
            io.liaison.gateway.files.OwnerOnly.createDirectories(directory);
            publish(job.fax().tiff(), directory.resolve(name + DOCUMENT_EXTENSION));
            publish(description(job).getBytes(StandardCharsets.UTF_8), directory.resolve(name + JOB_EXTENSION));
        } catch (IOException e) {
            throw TransportFailure.temporary("fax spool " + directory + ": could not write job " + name + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return "spool:" + name;
    }

    private void publish(byte[] content, Path target) throws IOException {
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    io.liaison.gateway.files.OwnerOnly.fileAttributes(directory))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            beforePublish.reached(temporary, target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the spool's file system cannot rename atomically; refusing to write in place", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory();
    }

    /** Makes the rename itself durable where the platform allows it (Linux does; others may not). */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported on this platform: the data itself was already forced
        }
    }

    private String description(FaxJob job) {
        StringBuilder b = new StringBuilder();
        b.append("# Liaison Gateway fax job. Its document was complete before this file appeared.\n");
        line(b, "job", job.name());
        line(b, "number", job.number().e164());
        line(b, "subaddress", job.subaddress().orElse(""));
        line(b, "document", job.name() + DOCUMENT_EXTENSION);
        line(b, "pages", String.valueOf(job.fax().pages()));
        line(b, "resolution", job.fax().resolution().settingName());
        line(b, "x-dpi", String.valueOf(job.fax().resolution().xDpi()));
        line(b, "y-dpi", String.valueOf(job.fax().resolution().yDpi()));
        line(b, "compression", job.fax().compression().settingName());
        line(b, "reference", job.reference());
        line(b, "level", job.level().label());
        line(b, "exercise", String.valueOf(job.exercise()));
        line(b, "cover-sheet-only", String.valueOf(job.fax().coverSheetOnly()));
        line(b, "created", clock.instant().toString());
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append('=').append(value.replaceAll("[\\r\\n]", " ")).append('\n');
    }

    @Override
    public String describe() {
        return "fax spool " + directory;
    }

    @Override
    public void close() {
        // nothing held open between jobs
    }
}
