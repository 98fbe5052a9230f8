package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.CLOCK;
import static io.liaison.gateway.directory.DirectoryFixtures.NOW;
import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;
import static io.liaison.gateway.directory.DirectoryFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeCapability;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.testing.TestCertificates;
import io.liaison.gateway.testing.WeakKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S/MIME contacts in the directory, and the key policy applied at load to both kinds of certificate. */
class DirectoryReadsSmimeContactsAndRefusesWeakKeysTest {
    private static final String POC = "points_of_contact[east-power-soc]";

    @TempDir
    Path dir;

    private final DirectoryLoader loader = new DirectoryLoader(CLOCK, new OpenPgpCertificateReader());

    private Path directoryWith(String fields) {
        return write(dir, replace(minimal(), "      - fax: \"+81312340001\"\n", "      - fax: \"+81312340001\"\n" + fields));
    }

    private X509Certificate goodX509() throws Exception {
        return WeakKeys.x509(WeakKeys.rsa(2048), "SHA256withRSA", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(300)));
    }

    @Test
    void readsPemAndDerSmimeCertificatesAndAppliesDeclaredCapabilities() throws Exception {
        X509Certificate x509 = goodX509();
        WeakKeys.write(dir.resolve("certs/soc.pem"), x509);
        Files.write(dir.resolve("certs/soc.der"), x509.getEncoded());

        Directory pem = loader.load(directoryWith("    smime_certificate: certs/soc.pem\n    smime_capabilities: [aes256-gcm]\n"));
        Directory der = loader.load(directoryWith("    smime_certificate: certs/soc.der\n"));

        SmimeRecipientCertificate fromPem = (SmimeRecipientCertificate) pem.pointOfContact("east-power-soc").orElseThrow().certificate().orElseThrow();
        SmimeRecipientCertificate fromDer = (SmimeRecipientCertificate) der.pointOfContact("east-power-soc").orElseThrow().certificate().orElseThrow();
        assertEquals(fromPem.fingerprint(), fromDer.fingerprint());
        assertTrue(fromPem.supports(SmimeCapability.AES256_GCM));
        assertTrue(!fromDer.supports(SmimeCapability.AES256_GCM));
    }

    @Test
    void refusesBothOpenPgpAndSmimeCertificateNamingTheField() throws Exception {
        TestCertificates.writeCertificate(dir.resolve("certs"), "east-power-soc", NOW.minus(Duration.ofDays(30)), Duration.ofDays(365));
        WeakKeys.write(dir.resolve("certs/soc.pem"), goodX509());

        DirectoryException e = assertThrows(DirectoryException.class, () -> loader.load(directoryWith(
                "    openpgp_certificate: certs/east-power-soc.asc\n    smime_certificate: certs/soc.pem\n")));

        assertProblem(e, POC, "smime_certificate", "cannot be given together with openpgp_certificate");
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void refusesCapabilitiesWithoutSmimeCertificateAndUnknownCapabilities() throws Exception {
        WeakKeys.write(dir.resolve("certs/soc.pem"), goodX509());

        DirectoryException orphan = assertThrows(DirectoryException.class, () -> loader.load(directoryWith(
                "    smime_capabilities: [aes256-gcm]\n")));
        DirectoryException unknown = assertThrows(DirectoryException.class, () -> loader.load(directoryWith(
                "    smime_certificate: certs/soc.pem\n    smime_capabilities: [aes128-gcm]\n")));

        assertProblem(orphan, POC, "smime_capabilities", "applies only to an S/MIME contact");
        assertProblem(unknown, POC, "smime_capabilities[0]", "\"aes128-gcm\" is not an S/MIME capability; use one of aes256-gcm, rsaes-oaep");
    }

    @Test
    void refusesWeakOpenPgpKeyNamingPocAndFingerprint() throws Exception {
        var weak = WeakKeys.openPgpRsa(1024, HashAlgorithmTags.SHA256, "Weak <weak@example.invalid>");
        WeakKeys.write(dir.resolve("certs/weak.asc"), weak);
        String fingerprint = new OpenPgpRecipientCertificate(weak).fingerprint();

        DirectoryException e = assertThrows(DirectoryException.class, () -> loader.load(directoryWith(
                "    openpgp_certificate: certs/weak.asc\n")));

        DirectoryProblem p = assertProblem(e, POC, "openpgp_certificate", "certificate " + fingerprint + " is refused by the key policy");
        assertTrue(p.reason().contains("RSA of 1024 bits") && p.describe().contains("east-power-soc"), p.describe());
    }

    @Test
    void refusesSha1SignedSmimeCertificateNamingPocAndFingerprint() throws Exception {
        X509Certificate sha1 = WeakKeys.x509(WeakKeys.rsa(2048), "SHA1withRSA", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(300)));
        WeakKeys.write(dir.resolve("certs/sha1.pem"), sha1);
        String fingerprint = SmimeRecipientCertificate.of(sha1).fingerprint();

        DirectoryException e = assertThrows(DirectoryException.class, () -> loader.load(directoryWith(
                "    smime_certificate: certs/sha1.pem\n")));

        DirectoryProblem p = assertProblem(e, POC, "smime_certificate", "certificate " + fingerprint + " is refused by the key policy");
        assertTrue(p.reason().contains("signed with SHA-1"), p.describe());
    }

    @Test
    void refusesExpiredSmimeCertificateAndPrivateKeyInCertificateSlot() throws Exception {
        X509Certificate expired = WeakKeys.x509(WeakKeys.rsa(2048), "SHA256withRSA", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
        WeakKeys.write(dir.resolve("certs/old.pem"), expired);
        Files.copy(Path.of("keys-sample/smime/secret/fsa-liaison.key.pem"), dir.resolve("certs/key.pem"));

        DirectoryException old = assertThrows(DirectoryException.class, () -> loader.load(directoryWith("    smime_certificate: certs/old.pem\n")));
        DirectoryException key = assertThrows(DirectoryException.class, () -> loader.load(directoryWith("    smime_certificate: certs/key.pem\n")));

        assertProblem(old, POC, "smime_certificate", "certificate " + SmimeRecipientCertificate.of(expired).fingerprint() + " expired at ");
        assertProblem(key, POC, "smime_certificate", "holds a private key");
    }
}
