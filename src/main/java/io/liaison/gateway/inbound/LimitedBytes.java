package io.liaison.gateway.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects at most {@code limit} bytes of a message being written, and stops the writer at the first
 * byte past it, so a message larger than the intake takes is never read whole: only its head is kept.
 */
final class LimitedBytes extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean overflowed;

    LimitedBytes(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int room = limit - bytes.size();
        if (len > room) {
            bytes.write(b, off, Math.max(room, 0));
            overflowed = true;
            throw new LimitReached();
        }
        bytes.write(b, off, len);
    }

    /** Whether the writer offered more than the limit. */
    boolean overflowed() {
        return overflowed;
    }

    int size() {
        return bytes.size();
    }

    /** What was kept: everything, or the first {@code limit} bytes. */
    byte[] head() {
        byte[] kept = bytes.toByteArray();
        return kept.length <= limit ? kept : Arrays.copyOf(kept, limit);
    }

    /** Thrown into the writer to stop it; never leaves the intake. */
    static final class LimitReached extends IOException {
        LimitReached() {
            super("message larger than the limit; reading stopped");
        }
    }
}
