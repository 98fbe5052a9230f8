package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.CLOCK;
import static io.liaison.gateway.directory.DirectoryFixtures.NOW;
import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;
import static io.liaison.gateway.directory.DirectoryFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses real OpenPGP certificates and the real reader, since expiry is decided inside the certificate. */
class DirectoryRefusesExpiredOrUnreadableCertificateTest {
    private static final String POC = "points_of_contact[east-power-soc]";

    @TempDir
    Path dir;

    private final DirectoryLoader loader = new DirectoryLoader(CLOCK, new OpenPgpCertificateReader());

    private Path directoryWithCertificate(String path) {
        return write(dir, replace(minimal(), "      - fax: \"+81312340001\"\n",
                "      - fax: \"+81312340001\"\n    openpgp_certificate: " + path + "\n"));
    }

    @Test
    void acceptsAValidCertificateResolvedAgainstTheDirectoryFolder() throws Exception {
        Path cert = TestCertificates.writeCertificate(dir.resolve("certs"), "east-power-soc", NOW.minus(Duration.ofDays(30)),
                Duration.ofDays(365));
        String fingerprint = new OpenPgpCertificateReader().read(cert).fingerprint();

        Directory d = loader.load(directoryWithCertificate("certs/east-power-soc.asc"));

        RecipientCertificate loaded = d.pointOfContact("east-power-soc").orElseThrow().certificate().orElseThrow();
        assertEquals(fingerprint, loaded.fingerprint());
    }

    @Test
    void refusesAnExpiredCertificateNamingItsFingerprint() throws Exception {
        Path cert = TestCertificates.writeExpiredCertificate(dir.resolve("certs"), "east-power-soc", NOW);
        String fingerprint = new OpenPgpCertificateReader().read(cert).fingerprint();

        DirectoryException e = assertThrows(DirectoryException.class,
                () -> loader.load(directoryWithCertificate("certs/east-power-soc.asc")));

        assertProblem(e, POC, "openpgp_certificate", "certificate " + fingerprint + " expired at ");
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void refusesACertificateThatExpiresExactlyNow() {
        TestCertificates.writeCertificate(dir.resolve("certs"), "east-power-soc", NOW.minus(Duration.ofDays(10)), Duration.ofDays(10));

        DirectoryException e = assertThrows(DirectoryException.class,
                () -> loader.load(directoryWithCertificate("certs/east-power-soc.asc")));

        assertProblem(e, POC, "openpgp_certificate", "expired at " + NOW);
    }

    @Test
    void refusesAMissingCertificateFile() {
        DirectoryException e = assertThrows(DirectoryException.class,
                () -> loader.load(directoryWithCertificate("certs/nobody.asc")));

        assertProblem(e, POC, "openpgp_certificate", "\"certs/nobody.asc\" cannot be used: ");
        assertProblem(e, POC, "openpgp_certificate", "no such file");
    }

    @Test
    void refusesAFileThatIsNotACertificate() throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/garbage.asc"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64 at all\n");

        DirectoryException e = assertThrows(DirectoryException.class,
                () -> loader.load(directoryWithCertificate("certs/garbage.asc")));

        assertProblem(e, POC, "openpgp_certificate", "not an OpenPGP certificate");
    }

    @Test
    void refusesACertificateThatCannotEncrypt() throws Exception {
        Path cert = TestCertificates.writeSignOnlyCertificate(dir.resolve("certs"), "east-power-soc", NOW.minus(Duration.ofDays(30)),
                Duration.ofDays(365));
        String fingerprint = new OpenPgpCertificateReader().read(cert).fingerprint();

        DirectoryException e = assertThrows(DirectoryException.class,
                () -> loader.load(directoryWithCertificate("certs/east-power-soc.asc")));

        assertProblem(e, POC, "openpgp_certificate", "certificate " + fingerprint + " has no key usable for encryption");
    }
}
