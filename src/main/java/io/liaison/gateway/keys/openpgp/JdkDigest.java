package io.liaison.gateway.keys.openpgp;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/** An OpenPGP digest calculator over the JDK's own SHA-2, for the hashes the JDK computes in hardware. */
final class JdkDigest implements PGPDigestCalculator {
    private final int algorithm;
    private final MessageDigest digest;
    private final OutputStream stream;

    private JdkDigest(int algorithm, MessageDigest digest) {
        this.algorithm = algorithm;
        this.digest = digest;
        this.stream = new OutputStream() {
            @Override
            public void write(int b) {
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                digest.update(b, off, len);
            }
        };
    }

    /** The JDK's digest for this OpenPGP hash algorithm id, or empty for one it leaves to Bouncy Castle. */
    static Optional<PGPDigestCalculator> of(int hashAlgorithm) {
        String name = switch (hashAlgorithm) {
            case HashAlgorithmTags.SHA256 -> "SHA-256";
            case HashAlgorithmTags.SHA384 -> "SHA-384";
            case HashAlgorithmTags.SHA512 -> "SHA-512";
            case HashAlgorithmTags.SHA224 -> "SHA-224";
            default -> null;
        };
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JdkDigest(hashAlgorithm, MessageDigest.getInstance(name, "SUN")));
        } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
            return Optional.empty();
        }
    }

    @Override
    public int getAlgorithm() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
        return stream;
    }

    @Override
    public byte[] getDigest() {
        return digest.digest();
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
