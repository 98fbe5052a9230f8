package io.liaison.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.smime.SmimeCertificateReader;
import io.liaison.gateway.keys.smime.SmimeCrypto;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.testing.TestCertificates;
import io.liaison.gateway.testing.WeakKeys;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample-key guard goes by fingerprint: the published sample keys are refused outside demo mode
 * even when their user ID (or, for S/MIME, their certificate) was changed to hide the marker.
 */
class SampleKeysAreKnownByFingerprintTest {
    private static final Path SAMPLES = Path.of("keys-sample");

    @TempDir
    Path work;

    @Test
    void theBuiltInListHoldsExactlyTheFingerprintsOfEveryKeyFileInKeysSample() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = SAMPLES.relativize(f).toString().replace('\\', '/');
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (name.endsWith(".asc")) {
                    OpenPGPCertificate c = new OpenPGPKeyReader().parseKeyOrCertificate(Files.readAllBytes(f));
                    lines.add(hex(c.getFingerprint()) + " openpgp " + name);
                } else if (text.contains("-----BEGIN CERTIFICATE-----")) {
                    SmimeRecipientCertificate c = new SmimeCertificateReader().readCertificate(f);
                    lines.add(c.fingerprint() + " x509-certificate " + name);
                    lines.add(c.publicKeyFingerprint() + " x509-public-key " + name);
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        lines.forEach(l -> expected.add(l.split(" ", 2)[0]));

        assertTrue(expected.size() >= 15, "keys-sample/ holds the gateway's and every sample contact's keys: " + lines);
        assertEquals(expected, new TreeSet<>(SampleKeys.fingerprints()),
                "src/main/resources" + SampleKeys.FINGERPRINTS + " must list keys-sample/ exactly; its content should be:\n"
                        + String.join("\n", new TreeSet<>(lines)));
    }

    @Test
    void aSampleOpenPgpKeyWithTheMarkerRemovedFromItsUserIdIsStillASampleKey() throws Exception {
        PGPSecretKeyRing secret;
        try (var in = Files.newInputStream(SAMPLES.resolve("secret/east-power-soc.sec.asc"))) {
            secret = new PGPSecretKeyRing(org.bouncycastle.openpgp.PGPUtil.getDecoderStream(in),
                    new org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator());
        }
        PGPSecretKey primary = secret.getSecretKey();
        PGPPrivateKey signer = primary.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
        PGPPublicKey key = primary.getPublicKey();
        for (Iterator<String> ids = primary.getPublicKey().getUserIDs(); ids.hasNext(); ) {
            key = PGPPublicKey.removeCertification(key, ids.next());
        }
        String disguised = "East Power SOC <soc@east-power.sample.invalid>";
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(key.getAlgorithm(), HashAlgorithmTags.SHA256), key);
        generator.init(PGPSignature.POSITIVE_CERTIFICATION, signer);
        key = PGPPublicKey.addCertification(key, disguised, generator.generateCertification(disguised, key));
        PGPPublicKeyRing ring = PGPPublicKeyRing.insertPublicKey(secret.toCertificate(), key);
        Path file = work.resolve("disguised.asc");
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        try (ArmoredOutputStream out = new ArmoredOutputStream(armored)) {
            ring.encode(out);
        }
        Files.write(file, armored.toByteArray());

        RecipientCertificate read = new OpenPgpCertificateReader().read(file);

        assertFalse(ring.getPublicKey().getUserIDs().next().contains(SampleKeys.USER_ID_MARKER), "the marker is gone");
        assertTrue(read.isSample(), "the published sample key is known by its fingerprint " + read.fingerprint());
    }

    @Test
    void aSampleSmimeKeyInANewCertificateWithoutTheMarkerIsStillASampleKey() throws Exception {
        SmimeRecipientCertificate original = new SmimeCertificateReader().readCertificate(SAMPLES.resolve("smime/certs/mic-liaison.pem"));
        PrivateKey privateKey;
        try (PEMParser pem = new PEMParser(new InputStreamReader(
                Files.newInputStream(SAMPLES.resolve("smime/secret/mic-liaison.key.pem")), StandardCharsets.US_ASCII))) {
            privateKey = new JcaPEMKeyConverter().setProvider(SmimeCrypto.provider()).getPrivateKey((PrivateKeyInfo) pem.readObject());
        }
        KeyPair samplePair = new KeyPair(original.certificate().getPublicKey(), privateKey);
        Path file = WeakKeys.write(work.resolve("recertified.pem"), WeakKeys.x509(samplePair,
                privateKey.getAlgorithm().startsWith("RSA") ? "SHA256withRSA" : "SHA256withECDSA", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(300))));

        SmimeRecipientCertificate recertified = new SmimeCertificateReader().readCertificate(file);

        assertFalse(recertified.certificate().getSubjectX500Principal().getName().contains(SampleKeys.USER_ID_MARKER));
        assertFalse(recertified.fingerprint().equals(original.fingerprint()), "a different certificate");
        assertTrue(recertified.isSample(), "the published sample key is known by its public key");
    }

    @Test
    void aKeyOfYourOwnIsNotASampleKey() throws Exception {
        Path file = TestCertificates.writeCertificate(work, "own", Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365));

        assertFalse(new OpenPgpCertificateReader().read(file).isSample());
    }

    private static String hex(byte[] b) {
        return Hex.toHexString(b).toUpperCase(Locale.ROOT);
    }
}
