package io.liaison.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.KeyPairGeneratorCallback;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

/**
 * Throw-away OpenPGP v4 keys for tests: Ed25519 primary and signing subkey, X25519 encryption subkey,
 * unprotected, with a chosen creation time and validity so expiry can be tested against a fixed clock.
 *
 * <p>Files are named {@code <name>.asc} (public certificate) and {@code <name>.key.asc} (secret key), the
 * user ID is {@code <name> <<name>@example.invalid>}. Nothing here is fit for real use.
 */
public final class TestCertificates {
    private static final OpenPGPApi API = new BcOpenPGPApi();
    private static final KeyPairGeneratorCallback ED25519 = generator -> generator.generateEd25519KeyPair();
    private static final KeyPairGeneratorCallback X25519 = generator -> generator.generateX25519KeyPair();

    private TestCertificates() {
    }

    /** The user ID given to keys generated for {@code name}. */
    public static String userId(String name) {
        return name + " <" + name + "@example.invalid>";
    }

    /**
     * A key that can sign and encrypt, created at {@code created} and expiring {@code validity} later.
     *
     * @param validity null for a key that never expires
     */
    public static OpenPGPKey generateKey(String name, Instant created, Duration validity) {
        return generate(userId(name), created, validity, true);
    }

    /** As {@link #generateKey} but with a caller-chosen user ID, e.g. one carrying the sample-key marker. */
    public static OpenPGPKey generateKeyWithUserId(String userId, Instant created, Duration validity) {
        return generate(userId, created, validity, true);
    }

    /** A key with no encryption subkey: valid, but nothing can be encrypted to it. */
    public static OpenPGPKey generateSignOnlyKey(String name, Instant created, Duration validity) {
        return generate(userId(name), created, validity, false);
    }

    /** Writes {@code dir/<name>.asc} with the public certificate of a fresh key; returns the file. */
    public static Path writeCertificate(Path dir, String name, Instant created, Duration validity) {
        return writeCertificate(dir, name, generateKey(name, created, validity));
    }

    /** A certificate created two years before {@code now} that expired a year later, i.e. well before {@code now}. */
    public static Path writeExpiredCertificate(Path dir, String name, Instant now) {
        return writeCertificate(dir, name, now.minus(Duration.ofDays(730)), Duration.ofDays(365));
    }

    /** Writes {@code dir/<name>.asc} for a key without an encryption subkey; returns the file. */
    public static Path writeSignOnlyCertificate(Path dir, String name, Instant created, Duration validity) {
        return writeCertificate(dir, name, generateSignOnlyKey(name, created, validity));
    }

    /** Writes the public part of {@code key} (or a certificate) as {@code dir/<name>.asc}; returns the file. */
    public static Path writeCertificate(Path dir, String name, OpenPGPCertificate key) {
        OpenPGPCertificate certificate = key instanceof OpenPGPKey k ? k.toCertificate() : key;
        try {
            return write(dir.resolve(name + ".asc"), certificate.toAsciiArmoredString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the unprotected secret key as {@code dir/<name>.key.asc}, for tests that decrypt or sign; returns the file. */
    public static Path writeSecretKey(Path dir, String name, OpenPGPKey key) {
        try {
            return write(dir.resolve(name + ".key.asc"), key.toAsciiArmoredString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String armored) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, armored, StandardCharsets.US_ASCII);
    }

    private static OpenPGPKey generate(String userId, Instant created, Duration validity, boolean encryption) {
        // The expiry goes on every self-signature that may carry it: BC evaluates a v4 key's expiry from its
        // user ID certification, other implementations from the direct-key signature.
        SignatureParameters.Callback expiry = new SignatureParameters.Callback() {
            @Override
            public SignatureParameters apply(SignatureParameters parameters) {
                return parameters.setHashedSubpacketsFunction(subpackets -> {
                    subpackets.removePacketsOfType(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_EXPIRE_TIME);
                    if (validity != null) {
                        subpackets.setKeyExpirationTime(true, validity.getSeconds());
                    }
                    return subpackets;
                });
            }
        };
        try {
            OpenPGPKeyGenerator generator = API.generateKey(PublicKeyPacket.VERSION_4, Date.from(created));
            OpenPGPKeyGenerator.WithPrimaryKey builder = generator.withPrimaryKey(ED25519, expiry).addSigningSubkey(ED25519);
            if (encryption) {
                builder = builder.addEncryptionSubkey(X25519);
            }
            return builder.addUserId(userId, expiry).build();
        } catch (PGPException e) {
            throw new IllegalStateException("could not generate a test key for " + userId, e);
        }
    }
}
