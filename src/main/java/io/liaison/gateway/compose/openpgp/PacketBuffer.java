package io.liaison.gateway.compose.openpgp;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects the packets of one message. Bouncy Castle's packet writers hand over small pieces, and
 * ByteArrayOutputStream takes a lock for each. Used by one thread at a time.
 */
final class PacketBuffer extends OutputStream {
    private byte[] bytes;
    private int size;

    PacketBuffer(int capacity) {
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

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }
}
