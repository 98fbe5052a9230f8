package io.liaison.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GnuPG 2.2, as a recipient runs it on a PGP/MIME notice the composer made: the outer Subject holds no
 * title; what gpg decrypts (and finds signed by the gateway) is the payload with the true Subject, the
 * {@code hp="cipher"} and {@code protected-headers="v1"} parameters and the HP-Outer record.
 */
class GnuPgReadsProtectedHeadersTest {
    @TempDir
    Path work;
    private Path home;

    @BeforeEach
    void requireGpg() throws Exception {
        Assumptions.assumeTrue(ExternalTool.available("gpg", "--version"), "gpg is not installed; CI installs it");
        home = Files.createTempDirectory("gpg"); // short: gpg-agent's socket path must fit
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (home != null) {
            gpg("gpgconf", "--kill", "all");
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void gpgDecryptsThePayloadWithTheTrueSubjectWhileTheOuterSubjectHasNoTitle() throws Exception {
        ProtectedHeadersFixture f = new ProtectedHeadersFixture();
        String sent = new String(f.mailTo(21, "east-power-soc", "soc@east-power.sample.invalid").bytes(), StandardCharsets.UTF_8);
        String outerHeaders = sent.substring(0, sent.indexOf("\r\n\r\n"));
        assertEquals(Optional.of("[TLP:RED] [" + ProtectedHeadersFixture.REFERENCE + "] 早期警戒情報 / Early warning"),
                ProtectedHeadersFixture.decodedSubject(outerHeaders));

        Path armored = Files.writeString(work.resolve("m.asc"), sent.substring(sent.indexOf("-----BEGIN PGP MESSAGE-----"),
                sent.indexOf("-----END PGP MESSAGE-----") + "-----END PGP MESSAGE-----".length()), StandardCharsets.US_ASCII);
        Path keys = ProtectedHeadersFixture.KEYS.toAbsolutePath();
        assertTrue(gpg("gpg", "--batch", "--homedir", home.toString(), "--import",
                keys.resolve("secret/east-power-soc.sec.asc").toString(), keys.resolve("gateway/gateway.asc").toString()).ok());
        Path decrypted = work.resolve("payload.eml");
        ExternalTool.Result result = gpg("gpg", "--batch", "--homedir", home.toString(), "--status-fd", "1",
                "--output", decrypted.toString(), "--decrypt", armored.toString());

        assertTrue(result.ok(), result::toString);
        assertTrue(result.stdout().contains("[GNUPG:] GOODSIG "), result::toString);
        String payload = Files.readString(decrypted, StandardCharsets.UTF_8);
        String payloadHeaders = payload.substring(0, payload.indexOf("\r\n\r\n"));
        assertTrue(payloadHeaders.contains("hp=\"cipher\""), payloadHeaders);
        assertTrue(payloadHeaders.contains("protected-headers=\"v1\""), payloadHeaders);
        assertEquals(Optional.of("[TLP:RED] [" + ProtectedHeadersFixture.REFERENCE + "] 早期警戒情報 Early warning: "
                + ProtectedHeadersFixture.TITLE), ProtectedHeadersFixture.decodedSubject(payloadHeaders));
        assertTrue(payloadHeaders.contains("\r\nHP-Outer: Subject: "), payloadHeaders);
        assertTrue(payloadHeaders.contains("\r\nTo: soc@east-power.sample.invalid"), payloadHeaders);
        assertFalse(sent.contains(ProtectedHeadersFixture.TITLE), "the title is nowhere in the message as sent");
    }

    private ExternalTool.Result gpg(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(command));
        // In the test's own folder: the tool's captured output files must not land in the working directory.
        return ExternalTool.run(work, Map.of("GNUPGHOME", home.toString()), 60, line);
    }
}
