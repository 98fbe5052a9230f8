package io.liaison.gateway.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.DirectoryException;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.files.OwnerOnly;
import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init DIR}: what a new operator gets before the first real notice, and what it refuses. */
class InitCreatesAnOwnerOnlyDeploymentFolderTest {
    private static final String PASSPHRASE = "correct horse battery staple 2026";
    private static final Map<String, String> ENV = Map.of(PassphraseSource.DEFAULT_VARIABLE, PASSPHRASE);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path work;

    record Run(int code, String out, String err) {
    }

    static Run init(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new picocli.CommandLine(new InitCommand(env, CLOCK)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void refusesWithoutAPassphraseInTheEnvironmentAndWritesNothing() {
        Path dir = work.resolve("gw");
        Run r = init(Map.of(), dir.toString(), "--email", "gateway@nisc.example.jp");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("LIAISON_KEY_PASSPHRASE"), r.err());
        assertFalse(Files.exists(dir), "nothing may be written without a passphrase");
    }

    @Test
    void hasNoOptionThatTakesThePassphrase() {
        var options = new picocli.CommandLine(new InitCommand(ENV, CLOCK)).getCommandSpec().options();
        assertTrue(options.stream().flatMap(o -> Stream.of(o.names())).noneMatch(n -> n.toLowerCase().contains("pass")),
                "a passphrase on the command line sits in the process list and the shell history");
    }

    @Test
    void refusesAFolderThatIsNotEmptyAndLeavesItUntouched() throws IOException {
        Path dir = Files.createDirectories(work.resolve("existing"));
        Files.writeString(dir.resolve("gateway.properties"), "gateway.db.url=jdbc:h2:file:/srv/precious\n");
        Run r = init(ENV, dir.toString(), "--email", "gateway@nisc.example.jp");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(dir.toAbsolutePath() + " is not empty"), r.err());
        assertEquals("gateway.db.url=jdbc:h2:file:/srv/precious\n", Files.readString(dir.resolve("gateway.properties")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void createsAProtectedKeyItsCertificateAndSettingsWithoutSecretsAllOwnerOnly() throws Exception {
        Path dir = work.resolve("deployment");
        Run r = init(ENV, dir.toString(), "--email", "gateway@nisc.example.jp");
        assertEquals(0, r.code(), r.err());

        // the certificate to hand out is the public half of the protected key, and the fingerprint printed is its own
        var certificate = new OpenPgpCertificateReader().read(dir.resolve("gateway-certificate.asc"));
        String printed = r.out().lines().filter(l -> l.strip().startsWith("fingerprint")).findFirst().orElseThrow()
                .replace("fingerprint", "").replace(" ", "");
        assertEquals(certificate.fingerprint(), printed);
        assertFalse(certificate.isSample());
        assertTrue(certificate.usableForEncryptionAt(CLOCK.instant()));
        OpenPgpGatewayKey key = OpenPgpGatewayKey.load(dir.resolve("keys/gateway.sec.asc"),
                PassphraseSource.fromEnvironment(PassphraseSource.DEFAULT_VARIABLE, ENV));
        assertTrue(key.protectedOnDisk());
        assertEquals(certificate.fingerprint(), key.fingerprint());
        assertThrows(GatewayKeyException.class, () -> OpenPgpGatewayKey.load(dir.resolve("keys/gateway.sec.asc"),
                PassphraseSource.fromEnvironment("P", Map.of("P", "not the passphrase"))));

        // every path absolute and inside the folder: no command's meaning depends on where it is run
        Properties settings = load(dir.resolve("gateway.properties"));
        String root = dir.toAbsolutePath().toString();
        assertTrue(settings.getProperty("gateway.db.url").startsWith("jdbc:h2:file:" + root + "/data/gateway;"), settings.toString());
        for (String key2 : List.of("gateway.directory", "gateway.key.file", "gateway.dispatch.journal-dir", "gateway.fax.spool-dir")) {
            assertTrue(Path.of(settings.getProperty(key2)).isAbsolute() && settings.getProperty(key2).startsWith(root), key2);
        }
        // secrets only by the name of a variable or file, and the passphrase in no file at all
        settings.stringPropertyNames().stream().filter(k -> k.contains("password") || k.contains("passphrase"))
                .forEach(k -> assertTrue(k.endsWith("-env") || k.endsWith("-file"), k + " holds a secret"));
        assertEquals("LIAISON_DB_PASSWORD", settings.getProperty("gateway.db.password-env"));
        assertEquals("false", settings.getProperty("gateway.demo-mode"));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                if (Files.isDirectory(p)) {
                    assertEquals(java.nio.file.attribute.PosixFilePermissions.toString(OwnerOnly.FOLDER), mode, p.toString());
                } else {
                    assertEquals(java.nio.file.attribute.PosixFilePermissions.toString(OwnerOnly.FILE), mode, p.toString());
                    assertFalse(Files.readString(p, StandardCharsets.UTF_8).contains(PASSPHRASE), p + " holds the passphrase");
                }
            }
        }
        // the skeleton is refused until its placeholders are filled in, naming each one
        DirectoryException refused = assertThrows(DirectoryException.class,
                () -> new DirectoryLoader(CLOCK, new OpenPgpCertificateReader()).load(dir.resolve("directory.yaml")));
        assertTrue(refused.getMessage().contains("points_of_contact[nisc-duty].channels[0].email"), refused.getMessage());
        assertTrue(refused.getMessage().contains("points_of_contact[nisc-duty].channels[1].sms"), refused.getMessage());
        assertEquals(2, refused.getMessage().lines().filter(l -> l.contains("directory.yaml:")).count(), refused.getMessage());
    }

    @Test
    void selfSignedSmimeKeyOpensWithTheSamePassphraseAndIsConfigured() throws Exception {
        Path dir = work.resolve("with-smime");
        Run r = init(ENV, dir.toString(), "--email", "gateway@nisc.example.jp", "--smime", "self-signed");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("self-signed certificate"), r.out());
        Properties settings = load(dir.resolve("gateway.properties"));
        SmimeGatewayKey key = SmimeGatewayKey.load(Path.of(settings.getProperty("gateway.smime.key.file")),
                Path.of(settings.getProperty("gateway.smime.certificate.file")),
                PassphraseSource.fromEnvironment(PassphraseSource.DEFAULT_VARIABLE, ENV));
        assertTrue(key.protectedOnDisk());
        assertFalse(key.isSample());
    }

    @Test
    void smimeRequestIsSignedByTheNewKeyAndSmimeStaysOffUntilTheCertificateIsBack() throws Exception {
        Path dir = work.resolve("with-csr");
        Run r = init(ENV, dir.toString(), "--email", "gateway@nisc.example.jp", "--smime", "csr");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("certificate signing request"), r.out());
        try (Reader in = Files.newBufferedReader(dir.resolve("gateway-smime.csr.pem"))) {
            PKCS10CertificationRequest csr = (PKCS10CertificationRequest) new PEMParser(in).readObject();
            assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(io.liaison.gateway.keys.smime.SmimeCrypto.provider()).build(csr.getSubjectPublicKeyInfo())));
            assertTrue(csr.getSubject().toString().contains("CN=Liaison Gateway (NISC)"), csr.getSubject().toString());
        }
        assertEquals("", load(dir.resolve("gateway.properties")).getProperty("gateway.smime.key.file"));
    }

    @Test
    void refusesAnUnknownSmimeChoiceNamingTheOption() {
        Run r = init(ENV, work.resolve("x").toString(), "--email", "gateway@nisc.example.jp", "--smime", "pkcs12");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--smime pkcs12"), r.err());
        assertFalse(Files.exists(work.resolve("x")));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
