package io.liaison.gateway.testing;

import io.liaison.gateway.keys.smime.SmimeCrypto;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.jce.spec.ElGamalParameterSpec;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

/**
 * Certificates the key policy must refuse, made the old way on purpose: RSA-1024, DSA/ElGamal, SHA-1
 * self-signatures (OpenPGP) and SHA-1 issuer signatures (X.509). Never fit for use.
 */
public final class WeakKeys {
    public static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private WeakKeys() {
    }

    /** A v4 OpenPGP certificate whose single primary key signs and encrypts. */
    public static OpenPGPCertificate openPgpRsa(int bits, int selfSignatureHash, String userId) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", SmimeCrypto.provider());
        rsa.initialize(bits);
        PGPKeyPair primary = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.RSA_GENERAL,
                rsa.generateKeyPair(), Date.from(CREATED));
        return ring(primary, null, PublicKeyAlgorithmTags.RSA_GENERAL, selfSignatureHash, userId,
                KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA | KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
    }

    /** The classic GnuPG 1.x key: DSA primary, ElGamal encryption subkey. */
    public static OpenPGPCertificate openPgpDsaElGamal(String userId) throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA", SmimeCrypto.provider());
        dsa.initialize(2048);
        KeyPair dsaPair = dsa.generateKeyPair();
        DSAPublicKey dsaPublic = (DSAPublicKey) dsaPair.getPublic();
        // ElGamal over the DSA group: generating a fresh safe prime would take minutes.
        KeyPairGenerator elGamal = KeyPairGenerator.getInstance("ElGamal", SmimeCrypto.provider());
        elGamal.initialize(new ElGamalParameterSpec(dsaPublic.getParams().getP(), dsaPublic.getParams().getG()));
        PGPKeyPair primary = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.DSA, dsaPair, Date.from(CREATED));
        PGPKeyPair sub = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT,
                elGamal.generateKeyPair(), Date.from(CREATED));
        return ring(primary, sub, PublicKeyAlgorithmTags.DSA, HashAlgorithmTags.SHA256, userId,
                KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
    }

    private static OpenPGPCertificate ring(PGPKeyPair primary, PGPKeyPair encryptionSubkey, int signingAlgorithm, int hash,
                                           String userId, int primaryFlags) throws Exception {
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setKeyFlags(true, primaryFlags);
        // Dated at creation, not "now": a signature from after the instant a test judges at would not count yet.
        hashed.setSignatureCreationTime(false, Date.from(CREATED));
        PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1), hashed.generate(), null,
                new JcaPGPContentSignerBuilder(signingAlgorithm, hash).setProvider(SmimeCrypto.provider()), null);
        if (encryptionSubkey != null) {
            PGPSignatureSubpacketGenerator subFlags = new PGPSignatureSubpacketGenerator();
            subFlags.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            subFlags.setSignatureCreationTime(false, Date.from(CREATED));
            generator.addSubKey(encryptionSubkey, subFlags.generate(), null);
        }
        PGPPublicKeyRing ring = generator.generatePublicKeyRing();
        return new OpenPGPCertificate(ring);
    }

    public static Path write(Path file, OpenPGPCertificate certificate) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, certificate.toAsciiArmoredString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, X509Certificate certificate) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, SmimeSampleKeyGenerator.pem(certificate), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A self-issued e-mail certificate with the given key pair, signature algorithm and validity. */
    public static X509Certificate x509(KeyPair keys, String signatureAlgorithm, Instant from, Instant until) throws Exception {
        return SmimeSampleKeyGenerator.Issue
                .endEntity(SmimeSampleKeyGenerator.subject("Weak Test", false), "weak@example.invalid", keys)
                .validity(from, until).signedWith(signatureAlgorithm).issue(null, null);
    }

    public static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", SmimeCrypto.provider());
        rsa.initialize(bits);
        return rsa.generateKeyPair();
    }

    public static KeyPair dsa() throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA", SmimeCrypto.provider());
        dsa.initialize(2048);
        return dsa.generateKeyPair();
    }
}
