package io.liaison.gateway.compose.openpgp;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects ASCII armor. Bouncy Castle's armor writer hands over one character at a time, and
 * ByteArrayOutputStream takes a lock for each: several thousand uncontended locks per message, a
 * tenth of the per-recipient cost in the fan-out profile. Used by one thread at a time.
 */
final class ArmorBuffer extends OutputStream {
    private byte[] bytes;
    private int size;

    ArmorBuffer(int capacity) {
        this.bytes = new byte[Math.max(64, capacity)];
    }

    @Override
    public void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (size + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
        }
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    String ascii() {
        return new String(bytes, 0, size, StandardCharsets.US_ASCII);
    }
}
