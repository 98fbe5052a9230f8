package io.liaison.gateway.compose.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.ProtectedMessages;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real interoperability check: GnuPG 2.2, as a recipient would run it, decrypts what the
 * gateway sent and reports a good signature by the gateway's key.
 */
class GnuPgOpensGatewayMessageTest {
    private static final String RECIPIENT = "power-ceptoar-duty";
    private static final Pattern VALIDSIG = Pattern.compile("^\\[GNUPG:] VALIDSIG (\\S+)(?: \\S+){8} (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path work;
    private Path gnupgHome;

    @BeforeEach
    void requireGpg() throws IOException, InterruptedException {
        Assumptions.assumeTrue(gpgAvailable(), "gpg is not installed; CI installs it");
        // A short path: gpg-agent's socket must fit in a Unix socket address.
        gnupgHome = Files.createTempDirectory("gpg");
        Files.setPosixFilePermissions(gnupgHome, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void stopAgent() throws IOException, InterruptedException {
        if (gnupgHome == null) {
            return;
        }
        try {
            // The import started a gpg-agent for this home; leaving it running would leak a process per test run.
            run(List.of("gpgconf", "--kill", "all"));
        } finally {
            deleteRecursively(gnupgHome);
        }
    }

    @Test
    void gpgDecryptsJapaneseNoticeAndReportsGoodSignatureByGateway() throws Exception {
        OpenPgpGatewayKey gateway = SampleKeysFixture.gatewayKey();
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText(SampleKeysFixture.JAPANESE_NOTICE, "UTF-8");

        MimeMultipart protectedBody = PgpMimeProtector.forDemo(gateway)
                .protect(inner, SampleKeysFixture.certificate(RECIPIENT), Instant.now());
        MimeMessage sent = ProtectedMessages.newMessage(Session.getInstance(new Properties()), protectedBody);
        sent.setFrom(new InternetAddress("gateway@nisc.sample.invalid"));
        sent.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("duty@power-ceptoar.sample.invalid"));
        sent.setSubject("[TLP:AMBER] 早期警戒情報", "UTF-8");
        sent.saveChanges();

        MimeMessage received = throughTheWire(sent);
        Multipart multipart = (Multipart) received.getContent();
        ContentType type = new ContentType(received.getContentType());
        assertEquals("multipart/encrypted", type.getBaseType());
        assertEquals("application/pgp-encrypted", type.getParameter("protocol"));
        assertEquals(2, multipart.getCount());
        assertTrue(multipart.getBodyPart(0).isMimeType("application/pgp-encrypted"));
        assertEquals("Version: 1", text(multipart.getBodyPart(0)).trim());
        assertTrue(multipart.getBodyPart(1).isMimeType("application/octet-stream"));

        Path armored = work.resolve("encrypted.asc");
        Files.writeString(armored, text(multipart.getBodyPart(1)), StandardCharsets.US_ASCII);
        gpg("--import", SampleKeysFixture.secretKeyFile(RECIPIENT).toAbsolutePath().toString(),
                SampleKeysFixture.GATEWAY_CERT.toAbsolutePath().toString());
        Path decrypted = work.resolve("decrypted.eml");
        GpgResult result = gpg("--status-fd", "1", "--output", decrypted.toString(), "--decrypt", armored.toString());

        assertTrue(result.stdout().contains("[GNUPG:] GOODSIG "), result::toString);
        assertTrue(result.stderr().contains("Good signature"), result::toString);
        Matcher validSig = VALIDSIG.matcher(result.stdout());
        assertTrue(validSig.find(), result::toString);
        assertEquals(gateway.fingerprint(), validSig.group(2), "primary-key fingerprint of the signer");
        assertTrue(result.stdout().contains("[GNUPG:] DECRYPTION_OKAY"), result::toString);

        MimeBodyPart opened = new MimeBodyPart(new ByteArrayInputStream(Files.readAllBytes(decrypted)));
        assertTrue(opened.isMimeType("text/plain"));
        assertEquals("UTF-8", new ContentType(opened.getContentType()).getParameter("charset").toUpperCase());
        assertEquals(SampleKeysFixture.JAPANESE_NOTICE, opened.getContent());
    }

    private static MimeMessage throughTheWire(MimeMessage sent) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        sent.writeTo(wire);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire.toByteArray()));
    }

    private static String text(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private record GpgResult(int exitCode, String stdout, String stderr) {
    }

    private GpgResult gpg(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", gnupgHome.toString()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private GpgResult run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("GNUPGHOME", gnupgHome.toString(), "LC_ALL", "C"));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gpg did not finish: " + command);
        }
        return new GpgResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static boolean gpgAvailable() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
