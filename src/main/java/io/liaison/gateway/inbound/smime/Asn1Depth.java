package io.liaison.gateway.inbound.smime;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deeply a BER/DER encoding nests its constructed values, measured without building any of them:
 * Bouncy Castle's ASN.1 parser recurses once per level, so a few MiB of nested SEQUENCE headers would
 * otherwise end in a StackOverflowError. Primitive values (OCTET STRING, BIT STRING) are skipped, not
 * looked into. Malformed encodings end the walk quietly: the parser then refuses them on its own.
 */
final class Asn1Depth {
    private static final int INDEFINITE = -1;

    private Asn1Depth() {
    }

    /** Whether the encoding nests deeper than {@code max}. */
    static boolean exceeds(byte[] der, int max) {
        Deque<Long> ends = new ArrayDeque<>();
        int pos = 0;
        while (pos < der.length) {
            while (!ends.isEmpty() && ends.peek() != INDEFINITE && pos >= ends.peek()) {
                ends.pop();
            }
            if (!ends.isEmpty() && ends.peek() == INDEFINITE && pos + 1 < der.length && der[pos] == 0 && der[pos + 1] == 0) {
                ends.pop();
                pos += 2;
                continue;
            }
            int tag = der[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                while (pos < der.length && (der[pos] & 0x80) != 0) {
                    pos++;
                }
                pos++;
            }
            if (pos >= der.length) {
                return false;
            }
            int first = der[pos++] & 0xFF;
            long length;
            boolean indefinite = false;
            if (first == 0x80) {
                indefinite = true;
                length = 0;
            } else if (first > 0x80) {
                int n = first & 0x7F;
                if (n > 4 || pos + n > der.length) {
                    return false;
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (der[pos++] & 0xFF);
                }
            } else {
                length = first;
            }
            if ((tag & 0x20) != 0) {
                if (ends.size() + 1 > max) {
                    return true;
                }
                ends.push(indefinite ? INDEFINITE : pos + length);
            } else {
                if (indefinite) {
                    return false;
                }
                if (pos + length > der.length) {
                    return false;
                }
                pos += (int) length;
            }
        }
        return false;
    }
}
