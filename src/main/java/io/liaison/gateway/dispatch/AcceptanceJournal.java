package io.liaison.gateway.dispatch;

import io.liaison.gateway.store.Acceptance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of acceptances not yet committed to the store. One line is written through to
 * the operating system before the next message is handed to a server, which a database commit per
 * message would also give, at a hundred times the cost; the store then catches up in batches and the
 * file is emptied. After a crash, whatever the file still holds is replayed into the store, so a
 * killed gateway does not send again what a server had already accepted.
 *
 * <p>Like the database (WRITE_DELAY=0), the file survives the process being killed, not the machine
 * losing power: neither is forced to the disk. One writer: the channel's dispatcher thread.
 */
public final class AcceptanceJournal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer line = ByteBuffer.allocate(1024);

    private AcceptanceJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating) the journal; what it already holds is left for {@link #pending()} to read. */
    public static AcceptanceJournal open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new AcceptanceJournal(file, FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the acceptance journal " + file, e);
        }
    }

    /** Writes one acceptance through to the operating system before returning. */
    public void append(Acceptance a) {
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

    /** Every complete line in the file; a line cut short by a crash is not an acceptance and is skipped. */
    public List<Acceptance> pending() {
        List<Acceptance> out = new ArrayList<>();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the acceptance journal " + file, e);
        }
        return out;
    }

    /** Empties the file once the store holds everything in it. */
    public void clear() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the acceptance journal " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was pending in the channel itself: every write went straight through
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
