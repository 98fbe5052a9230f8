package io.liaison.gateway.compose.openpgp;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPAEADDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/**
 * The data of a v2 SEIPD packet (RFC 9580 §5.13.2) in AES-OCB, for Bouncy Castle's
 * {@code PGPEncryptedDataGenerator}, which writes the packet header and the session-key packets:
 * the message key and nonce prefix come from HKDF-SHA256 over the session key and the packet's salt,
 * each chunk is sealed under the prefix and its index, and a final tag covers the total length.
 * The same bytes as Bouncy Castle's own encryptor writes (a test compares them), with the AES calls
 * on the processor's AES instructions ({@link AesOcb}). Only AES and OCB, only v6: anything else is
 * refused when the builder is made, not discovered mid-message.
 */
final class OcbSeipdEncryptorBuilder implements PGPDataEncryptorBuilder {
    private static final int NONCE_LENGTH = 15; // OCB's, RFC 9580 §9.6

    private final int algorithm;
    private final int chunkSize;
    private final SecureRandom random;

    private OcbSeipdEncryptorBuilder(int algorithm, int chunkSize, SecureRandom random) {
        this.algorithm = algorithm;
        this.chunkSize = chunkSize;
        this.random = random;
    }

    /** For AES-128, -192 or -256 with chunks of 2^(chunkSize + 6) bytes. */
    static OcbSeipdEncryptorBuilder of(int symmetricAlgorithm, int chunkSize, SecureRandom random) {
        if (keyLength(symmetricAlgorithm) == 0) {
            throw new IllegalArgumentException("AES-OCB needs AES-128, -192 or -256, not symmetric algorithm " + symmetricAlgorithm);
        }
        if (chunkSize < 0 || chunkSize > 16) {
            throw new IllegalArgumentException("chunk size octet must be 0 to 16 (RFC 9580), was " + chunkSize);
        }
        return new OcbSeipdEncryptorBuilder(symmetricAlgorithm, chunkSize, random);
    }

    /** True when this builder can encrypt for the given algorithms. */
    static boolean handles(int symmetricAlgorithm, int aeadAlgorithm) {
        return aeadAlgorithm == AEADAlgorithmTags.OCB && keyLength(symmetricAlgorithm) != 0;
    }

    private static int keyLength(int symmetricAlgorithm) {
        return switch (symmetricAlgorithm) {
            case SymmetricKeyAlgorithmTags.AES_128 -> 16;
            case SymmetricKeyAlgorithmTags.AES_192 -> 24;
            case SymmetricKeyAlgorithmTags.AES_256 -> 32;
            default -> 0;
        };
    }

    @Override
    public int getAlgorithm() {
        return algorithm;
    }

    @Override
    public int getAeadAlgorithm() {
        return AEADAlgorithmTags.OCB;
    }

    @Override
    public int getChunkSize() {
        return chunkSize;
    }

    @Override
    public boolean isV5StyleAEAD() {
        return false;
    }

    @Override
    public SecureRandom getSecureRandom() {
        return random;
    }

    @Override
    public PGPDataEncryptor build(byte[] keyBytes) throws PGPException {
        throw new PGPException("a v2 SEIPD packet needs its salt to derive the message key");
    }

    @Override
    public PGPDataEncryptor build(byte[] sessionKey, byte[] salt) throws PGPException {
        byte[] header = SymmetricEncIntegrityPacket.createAAData(SymmetricEncIntegrityPacket.VERSION_2, algorithm,
                AEADAlgorithmTags.OCB, chunkSize);
        int keyLength = keyLength(algorithm);
        byte[] derived = new byte[keyLength + NONCE_LENGTH - 8];
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(sessionKey, salt, header));
        hkdf.generateBytes(derived, 0, derived.length);
        byte[] key = Arrays.copyOf(derived, keyLength);
        byte[] noncePrefix = Arrays.copyOfRange(derived, keyLength, derived.length);
        Arrays.fill(derived, (byte) 0);
        AesOcb ocb;
        try {
            ocb = AesOcb.keyed(key);
        } catch (GeneralSecurityException e) {
            throw new PGPException("the JDK's AES refused the message key", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        return new Encryptor(ocb, noncePrefix, header, chunkSize);
    }

    @Override
    public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean integrity) {
        if (!integrity) {
            throw new IllegalArgumentException("a v2 SEIPD packet is always integrity protected");
        }
        return this;
    }

    /** As Bouncy Castle's builders take it: {@code log2ChunkLength} is the chunk size octet plus 6. */
    @Override
    public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int log2ChunkLength) {
        if (aeadAlgorithm != AEADAlgorithmTags.OCB || log2ChunkLength != chunkSize + 6) {
            throw new IllegalArgumentException("this builder writes OCB in chunks of 2^" + (chunkSize + 6) + " bytes");
        }
        return this;
    }

    @Override
    public PGPDataEncryptorBuilder setUseV5AEAD() {
        throw new UnsupportedOperationException("v5 AEAD packets are not written by the gateway");
    }

    @Override
    public PGPDataEncryptorBuilder setUseV6AEAD() {
        return this;
    }

    private record Encryptor(AesOcb ocb, byte[] noncePrefix, byte[] header, int chunkSize) implements PGPAEADDataEncryptor {
        @Override
        public OutputStream getOutputStream(OutputStream out) {
            return new ChunkStream(out, this);
        }

        @Override
        public PGPDigestCalculator getIntegrityCalculator() {
            return null; // OCB's tags are the integrity protection
        }

        @Override
        public int getBlockSize() {
            return 16;
        }

        @Override
        public int getAEADAlgorithm() {
            return AEADAlgorithmTags.OCB;
        }

        @Override
        public int getChunkSize() {
            return chunkSize;
        }

        @Override
        public byte[] getIV() {
            return noncePrefix.clone();
        }

        byte[] nonce(long chunkIndex) {
            byte[] nonce = Arrays.copyOf(noncePrefix, NONCE_LENGTH);
            for (int i = 0; i < 8; i++) {
                nonce[NONCE_LENGTH - 1 - i] = (byte) (chunkIndex >>> (8 * i));
            }
            return nonce;
        }
    }

    /** Plaintext in, chunks of ciphertext and tag out; closing writes the last chunk and the final tag. */
    private static final class ChunkStream extends OutputStream {
        private final OutputStream out;
        private final Encryptor encryptor;
        private final byte[] chunk;
        private final byte[] sealed;
        private int filled;
        private long index;
        private long total;
        private boolean closed;

        ChunkStream(OutputStream out, Encryptor encryptor) {
            this.out = out;
            this.encryptor = encryptor;
            this.chunk = new byte[1 << (encryptor.chunkSize() + 6)];
            this.sealed = new byte[chunk.length + AesOcb.TAG_LENGTH];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == chunk.length) {
                    seal(); // only once more data comes: the last chunk is sealed on close, even when full
                }
                int n = Math.min(len, chunk.length - filled);
                System.arraycopy(b, off, chunk, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal() throws IOException {
            try {
                int n = encryptor.ocb().encrypt(encryptor.nonce(index), encryptor.header(), chunk, 0, filled, sealed, 0);
                out.write(sealed, 0, n);
            } catch (GeneralSecurityException e) {
                throw new IOException("could not encrypt chunk " + index, e);
            }
            total += filled;
            index++;
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (filled > 0) {
                seal();
            }
            byte[] header = encryptor.header();
            byte[] finalData = Arrays.copyOf(header, header.length + 8);
            for (int i = 0; i < 8; i++) {
                finalData[finalData.length - 1 - i] = (byte) (total >>> (8 * i));
            }
            try {
                int n = encryptor.ocb().encrypt(encryptor.nonce(index), finalData, new byte[0], 0, 0, sealed, 0);
                out.write(sealed, 0, n);
            } catch (GeneralSecurityException e) {
                throw new IOException("could not write the final tag", e);
            }
            Arrays.fill(chunk, (byte) 0);
            out.close();
        }
    }
}
