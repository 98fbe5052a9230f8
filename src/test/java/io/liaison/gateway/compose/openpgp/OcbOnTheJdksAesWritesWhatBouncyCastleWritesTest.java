package io.liaison.gateway.compose.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.OCBBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.junit.jupiter.api.Test;

/**
 * The gateway's AES-OCB and its v2 SEIPD chunking must give, byte for byte, what Bouncy Castle's
 * table-driven implementation gives: RFC 7253's first test vector, then every boundary of block,
 * chunk, nonce and associated-data length against Bouncy Castle's OCB, then whole packets' data.
 */
class OcbOnTheJdksAesWritesWhatBouncyCastleWritesTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final Random random = new Random(7253);

    @Test
    void rfc7253EmptyMessageVector() throws Exception {
        AesOcb ocb = AesOcb.keyed(HEX.parseHex("000102030405060708090A0B0C0D0E0F"));
        byte[] out = new byte[16];
        ocb.encrypt(HEX.parseHex("BBAA99887766554433221100"), new byte[0], new byte[0], 0, 0, out, 0);
        assertArrayEquals(HEX.parseHex("785407BFFFC8AD9EDCC5520AC9111EE6"), out);
    }

    @Test
    void everyLengthBoundaryMatchesBouncyCastlesOcb() throws Exception {
        for (int keyLength : new int[] {16, 24, 32}) {
            for (int nonceLength : new int[] {1, 12, 15}) {
                for (int adLength : new int[] {0, 5, 13, 16, 17, 40}) {
                    for (int length : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 100, 1024, 4095, 4096, 4097}) {
                        byte[] key = bytes(keyLength);
                        byte[] nonce = bytes(nonceLength);
                        byte[] ad = bytes(adLength);
                        byte[] plain = bytes(length + 3);
                        byte[] ours = new byte[length + 16 + 5];
                        AesOcb.keyed(key).encrypt(nonce, ad, plain, 3, length, ours, 5);

                        OCBBlockCipher bc = new OCBBlockCipher(AESEngine.newInstance(), AESEngine.newInstance());
                        bc.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, ad));
                        byte[] theirs = new byte[length + 16];
                        int n = bc.processBytes(plain, 3, length, theirs, 0);
                        bc.doFinal(theirs, n);

                        byte[] written = java.util.Arrays.copyOfRange(ours, 5, 5 + length + 16);
                        assertArrayEquals(theirs, written, "key " + keyLength + ", nonce " + nonceLength + ", ad " + adLength
                                + ", length " + length);
                    }
                }
            }
        }
    }

    @Test
    void oneKeyEncryptsManyChunksAsBouncyCastleDoes() throws Exception {
        byte[] key = bytes(32);
        AesOcb ocb = AesOcb.keyed(key);
        for (int chunk = 0; chunk < 70; chunk++) {
            byte[] nonce = bytes(15);
            byte[] plain = bytes(4096 - chunk);
            byte[] ours = new byte[plain.length + 16];
            ocb.encrypt(nonce, new byte[] {1, 2, 3, 4, 5}, plain, 0, plain.length, ours, 0);
            OCBBlockCipher bc = new OCBBlockCipher(AESEngine.newInstance(), AESEngine.newInstance());
            bc.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, new byte[] {1, 2, 3, 4, 5}));
            byte[] theirs = new byte[plain.length + 16];
            bc.doFinal(theirs, bc.processBytes(plain, 0, plain.length, theirs, 0));
            assertArrayEquals(theirs, ours, "chunk " + chunk);
        }
    }

    @Test
    void seipdV2DataMatchesBouncyCastlesEncryptorForTheSameSessionKeyAndSalt() throws Exception {
        for (int algorithm : new int[] {SymmetricKeyAlgorithmTags.AES_128, SymmetricKeyAlgorithmTags.AES_256}) {
            for (int chunkSize : new int[] {6, 7}) {
                int chunk = 1 << (chunkSize + 6);
                for (int length : new int[] {0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 17, 9000}) {
                    byte[] sessionKey = bytes(algorithm == SymmetricKeyAlgorithmTags.AES_128 ? 16 : 32);
                    byte[] salt = bytes(32);
                    byte[] plain = bytes(length);
                    PGPDataEncryptor theirs = new BcPGPDataEncryptorBuilder(algorithm)
                            .setWithAEAD(AEADAlgorithmTags.OCB, chunkSize + 6).setUseV6AEAD().build(sessionKey, salt); // Bouncy Castle takes log2 of the chunk length
                    PGPDataEncryptor ours = OcbSeipdEncryptorBuilder.of(algorithm, chunkSize, new java.security.SecureRandom())
                            .build(sessionKey, salt);
                    assertArrayEquals(written(theirs, plain), written(ours, plain),
                            "algorithm " + algorithm + ", chunk size " + chunkSize + ", length " + length);
                }
            }
        }
    }

    @Test
    void refusesWhatItCannotWriteWhenBuilt() {
        assertThrows(IllegalArgumentException.class,
                () -> OcbSeipdEncryptorBuilder.of(SymmetricKeyAlgorithmTags.CAMELLIA_256, 6, new java.security.SecureRandom()));
        OcbSeipdEncryptorBuilder builder = OcbSeipdEncryptorBuilder.of(SymmetricKeyAlgorithmTags.AES_256, 6,
                new java.security.SecureRandom());
        assertThrows(IllegalArgumentException.class, () -> builder.setWithAEAD(AEADAlgorithmTags.GCM, 12));
        assertThrows(UnsupportedOperationException.class, builder::setUseV5AEAD);
    }

    // Written in uneven pieces, as the signed packets reach the encryptor.
    private byte[] written(PGPDataEncryptor encryptor, byte[] plain) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = encryptor.getOutputStream(sink)) {
            int at = 0;
            int step = 1;
            while (at < plain.length) {
                int n = Math.min(step, plain.length - at);
                out.write(plain, at, n);
                at += n;
                step = step * 3 + 1;
            }
        }
        return sink.toByteArray();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
