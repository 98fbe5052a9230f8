package io.liaison.gateway.dispatch;

import io.liaison.gateway.store.Acceptance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * An append-only file of acceptances not yet committed to the store. One line is written through to
 * the operating system as soon as a server accepted, before that hand-over makes room for the next
 * message (see {@link ChannelDispatcher} for how many may be in a server's hands at once), which a
 * database commit per message would also give, at a hundred times the cost; the store then catches
 * up in batches. After a crash, whatever the journal still holds is replayed into the store, so a
 * killed gateway does not send again what a server had already accepted.
 *
 * <p>A batch about to be committed is {@linkplain #seal() sealed}: the file is renamed to a numbered
 * segment ({@code <file>.1}, {@code <file>.2} …) and new lines go to a fresh file, so hand-overs go on
 * journaling while the store commits, and a committed segment is deleted whole. Replaying a line twice
 * is harmless (only deliveries still SENDING change); losing one is not, so a segment goes only once
 * the store holds everything in it.
 *
 * <p>Like the database (WRITE_DELAY=0), the files survive the process being killed, not the machine
 * losing power: neither is forced to the disk. Thread-safe: lines from hand-overs finishing at once
 * are written whole, one after the other.
 */
public final class AcceptanceJournal implements AutoCloseable {
    private final Path file;
    private final ByteBuffer line = ByteBuffer.allocate(1024);
    private FileChannel channel;
    private long lastSegment;

    private AcceptanceJournal(Path file, FileChannel channel, long lastSegment) {
        this.file = file;
        this.channel = channel;
        this.lastSegment = lastSegment;
    }

    /** Opens (creating) the journal; what it already holds is left for {@link #pending()} to read. */
    public static AcceptanceJournal open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                io.liaison.gateway.files.OwnerOnly.createDirectories(parent);
            }
            TreeMap<Long, Path> left = segments(file);
            FileChannel channel = append(file);
            // a journal from before files were created owner-only is made so too: it lists who was sent what
            io.liaison.gateway.files.OwnerOnly.restrict(file);
            return new AcceptanceJournal(file, channel, left.isEmpty() ? 0 : left.lastKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the acceptance journal " + file, e);
        }
    }

    /** Writes one acceptance through to the operating system before returning. */
    public synchronized void append(Acceptance a) {
        line.clear();
        String text = a.deliveryId() + "\t" + a.at().toEpochMilli() + "\t" + oneLine(a.serverId()) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = bytes.length <= line.capacity() ? line.put(bytes).flip() : ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the acceptance journal " + file, e);
        }
    }

    /**
     * Every complete line in the sealed segments, oldest first, then in the open file; a line cut short
     * by a crash is not an acceptance and is skipped.
     */
    public synchronized List<Acceptance> pending() {
        List<Acceptance> out = new ArrayList<>();
        try {
            for (Path segment : segments(file).values()) {
                read(segment, out);
            }
            read(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the acceptance journal " + file, e);
        }
        return out;
    }

    /**
     * Closes what has been written so far into a numbered segment and starts an empty file; returns the
     * segment's number, for {@link #dropThrough} once the store holds what it lists.
     */
    public synchronized long seal() {
        long segment = lastSegment + 1;
        try {
            channel.close();
            Files.move(file, segment(file, segment), StandardCopyOption.ATOMIC_MOVE);
            channel = append(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal the acceptance journal " + file, e);
        }
        lastSegment = segment;
        return segment;
    }

    /** Deletes the sealed segments up to {@code segment}: the store holds everything in them. */
    public synchronized void dropThrough(long segment) {
        try {
            for (var s : segments(file).headMap(segment, true).values()) {
                Files.delete(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the acceptance journal " + file, e);
        }
    }

    /** Empties the file and drops every segment once the store holds everything in them. */
    public synchronized void clear() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the acceptance journal " + file, e);
        }
        dropThrough(Long.MAX_VALUE);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was pending in the channel itself: every write went straight through
        }
    }

    private static FileChannel append(Path file) throws IOException {
        return FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                io.liaison.gateway.files.OwnerOnly.fileAttributes(file.toAbsolutePath().getParent()));
    }

    private static Path segment(Path file, long number) {
        return file.resolveSibling(file.getFileName() + "." + number);
    }

    /** The sealed segments beside {@code file}, by number. */
    private static TreeMap<Long, Path> segments(Path file) throws IOException {
        TreeMap<Long, Path> out = new TreeMap<>();
        String prefix = file.getFileName() + ".";
        Path dir = file.toAbsolutePath().getParent();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, file.getFileName() + ".*")) {
            for (Path p : entries) {
                String suffix = p.getFileName().toString().substring(prefix.length());
                if (!suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit)) {
                    out.put(Long.parseLong(suffix), p);
                }
            }
        }
        return out;
    }

    private static void read(Path path, List<Acceptance> out) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int start = 0;
        int end;
        while ((end = text.indexOf('\n', start)) >= 0) {
            String[] fields = text.substring(start, end).split("\t", 3);
            start = end + 1;
            if (fields.length == 3) {
                try {
                    out.add(new Acceptance(Long.parseLong(fields[0]), fields[2],
                            Instant.ofEpochMilli(Long.parseLong(fields[1]))));
                } catch (NumberFormatException ignored) {
                    // not a line this class wrote whole; nothing to replay
                }
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
