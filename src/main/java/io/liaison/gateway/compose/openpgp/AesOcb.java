package io.liaison.gateway.compose.openpgp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-OCB encryption (RFC 7253) with a 128-bit tag, over the JDK's AES. No JDK provider offers OCB,
 * and Bouncy Castle's OCB runs on its table-driven Java AES; OCB's block cipher calls are independent
 * of each other, so here they are made in one ECB call per chunk, which the JDK runs on the
 * processor's AES instructions. Encryption only: what the gateway receives is opened by Bouncy Castle.
 *
 * <p>One instance holds one key; it is not thread-safe, and lives for one message.
 */
final class AesOcb {
    static final int TAG_LENGTH = 16;
    private static final int BLOCK = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Cipher aes;
    /** L_*, L_$ and L_0 … L_{n}, two longs each. */
    private final long[] lStar = new long[2];
    private final long[] lDollar = new long[2];
    private long[] l = new long[0];
    private byte[] scratch = new byte[0];
    private long[] offsets = new long[0];

    private AesOcb(Cipher aes) {
        this.aes = aes;
    }

    /** An OCB instance keyed with {@code key} (16, 24 or 32 bytes). */
    static AesOcb keyed(byte[] key) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding", "SunJCE");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        AesOcb ocb = new AesOcb(aes);
        byte[] zero = new byte[BLOCK];
        byte[] star = ocb.encryptBlock(zero);
        ocb.lStar[0] = (long) LONGS.get(star, 0);
        ocb.lStar[1] = (long) LONGS.get(star, 8);
        doubled(ocb.lStar, ocb.lDollar);
        return ocb;
    }

    /**
     * Encrypts {@code length} bytes of {@code in} from {@code offset} under {@code nonce} (1 to 15
     * bytes) with associated data {@code ad}, writing the ciphertext and then the 16-byte tag to
     * {@code out} at {@code outOffset}; returns the bytes written ({@code length + 16}).
     */
    int encrypt(byte[] nonce, byte[] ad, byte[] in, int offset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        if (nonce.length < 1 || nonce.length > 15) {
            throw new IllegalArgumentException("OCB nonce must be 1 to 15 bytes, was " + nonce.length);
        }
        int full = length / BLOCK;
        int rest = length % BLOCK;
        ensureL(full);
        long[] offset0 = initialOffset(nonce);
        long o0 = offset0[0];
        long o1 = offset0[1];
        long c0 = 0;
        long c1 = 0;
        if (full > 0) {
            int bytes = full * BLOCK;
            if (scratch.length < bytes) {
                scratch = new byte[bytes];
                offsets = new long[full * 2];
            }
            for (int i = 0; i < full; i++) {
                int ntz = Integer.numberOfTrailingZeros(i + 1);
                o0 ^= l[2 * ntz];
                o1 ^= l[2 * ntz + 1];
                offsets[2 * i] = o0;
                offsets[2 * i + 1] = o1;
                long p0 = (long) LONGS.get(in, offset + i * BLOCK);
                long p1 = (long) LONGS.get(in, offset + i * BLOCK + 8);
                c0 ^= p0;
                c1 ^= p1;
                LONGS.set(scratch, i * BLOCK, p0 ^ o0);
                LONGS.set(scratch, i * BLOCK + 8, p1 ^ o1);
            }
            try {
                aes.doFinal(scratch, 0, bytes, out, outOffset);
            } catch (ShortBufferException e) {
                throw new IllegalArgumentException("output buffer too small for " + length + " bytes and a tag", e);
            }
            for (int i = 0; i < full; i++) {
                int at = outOffset + i * BLOCK;
                LONGS.set(out, at, (long) LONGS.get(out, at) ^ offsets[2 * i]);
                LONGS.set(out, at + 8, (long) LONGS.get(out, at + 8) ^ offsets[2 * i + 1]);
            }
        }
        if (rest > 0) {
            o0 ^= lStar[0];
            o1 ^= lStar[1];
            byte[] pad = encryptBlock(bytesOf(o0, o1));
            int from = offset + full * BLOCK;
            int to = outOffset + full * BLOCK;
            byte[] last = new byte[BLOCK];
            for (int j = 0; j < rest; j++) {
                out[to + j] = (byte) (in[from + j] ^ pad[j]);
                last[j] = in[from + j];
            }
            last[rest] = (byte) 0x80;
            c0 ^= (long) LONGS.get(last, 0);
            c1 ^= (long) LONGS.get(last, 8);
        }
        byte[] tag = encryptBlock(bytesOf(c0 ^ o0 ^ lDollar[0], c1 ^ o1 ^ lDollar[1]));
        long[] hash = hash(ad);
        int tagAt = outOffset + length;
        LONGS.set(out, tagAt, (long) LONGS.get(tag, 0) ^ hash[0]);
        LONGS.set(out, tagAt + 8, (long) LONGS.get(tag, 8) ^ hash[1]);
        return length + TAG_LENGTH;
    }

    // RFC 7253 §4.1, HASH(K, A)
    private long[] hash(byte[] ad) throws GeneralSecurityException {
        long s0 = 0;
        long s1 = 0;
        long o0 = 0;
        long o1 = 0;
        int full = ad.length / BLOCK;
        ensureL(full);
        for (int i = 0; i < full; i++) {
            int ntz = Integer.numberOfTrailingZeros(i + 1);
            o0 ^= l[2 * ntz];
            o1 ^= l[2 * ntz + 1];
            byte[] e = encryptBlock(bytesOf((long) LONGS.get(ad, i * BLOCK) ^ o0, (long) LONGS.get(ad, i * BLOCK + 8) ^ o1));
            s0 ^= (long) LONGS.get(e, 0);
            s1 ^= (long) LONGS.get(e, 8);
        }
        int rest = ad.length % BLOCK;
        if (rest > 0) {
            byte[] last = new byte[BLOCK];
            System.arraycopy(ad, full * BLOCK, last, 0, rest);
            last[rest] = (byte) 0x80;
            o0 ^= lStar[0];
            o1 ^= lStar[1];
            byte[] e = encryptBlock(bytesOf((long) LONGS.get(last, 0) ^ o0, (long) LONGS.get(last, 8) ^ o1));
            s0 ^= (long) LONGS.get(e, 0);
            s1 ^= (long) LONGS.get(e, 8);
        }
        return new long[] {s0, s1};
    }

    // RFC 7253 §4.2, nonce-dependent and per-encryption variables: Offset_0
    private long[] initialOffset(byte[] nonce) throws GeneralSecurityException {
        byte[] block = new byte[BLOCK];
        block[0] = (byte) (((TAG_LENGTH * 8) % 128) << 1);
        block[BLOCK - 1 - nonce.length] |= 1;
        System.arraycopy(nonce, 0, block, BLOCK - nonce.length, nonce.length);
        int bottom = block[BLOCK - 1] & 0x3f;
        block[BLOCK - 1] &= (byte) 0xc0;
        byte[] ktop = encryptBlock(block);
        byte[] stretch = new byte[24];
        System.arraycopy(ktop, 0, stretch, 0, BLOCK);
        for (int i = 0; i < 8; i++) {
            stretch[BLOCK + i] = (byte) (ktop[i] ^ ktop[i + 1]);
        }
        // Stretch[1+bottom .. 128+bottom], bit by bit from the big end
        int byteShift = bottom / 8;
        int bitShift = bottom % 8;
        byte[] offset = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            int hi = (stretch[i + byteShift] & 0xff) << bitShift;
            int lo = bitShift == 0 ? 0 : (stretch[i + byteShift + 1] & 0xff) >>> (8 - bitShift);
            offset[i] = (byte) (hi | lo);
        }
        return new long[] {(long) LONGS.get(offset, 0), (long) LONGS.get(offset, 8)};
    }

    /** L_0 … L_k for every ntz(i) with i ≤ blocks. */
    private void ensureL(int blocks) {
        int needed = 32 - Integer.numberOfLeadingZeros(Math.max(blocks, 1)) + 1;
        if (l.length >= 2 * needed) {
            return;
        }
        long[] grown = new long[2 * needed];
        long[] previous = lDollar;
        for (int i = 0; i < needed; i++) {
            long[] next = new long[2];
            doubled(previous, next);
            grown[2 * i] = next[0];
            grown[2 * i + 1] = next[1];
            previous = next;
        }
        l = grown;
    }

    // double(S) in GF(2^128): shift left one bit, reduce by x^128 + x^7 + x^2 + x + 1
    private static void doubled(long[] s, long[] out) {
        long carry = (s[0] >> 63) & 0x87;
        out[0] = (s[0] << 1) | (s[1] >>> 63);
        out[1] = (s[1] << 1) ^ carry;
    }

    private byte[] encryptBlock(byte[] block) throws GeneralSecurityException {
        return aes.doFinal(block);
    }

    private static byte[] bytesOf(long a, long b) {
        byte[] out = new byte[BLOCK];
        LONGS.set(out, 0, a);
        LONGS.set(out, 8, b);
        return out;
    }
}
