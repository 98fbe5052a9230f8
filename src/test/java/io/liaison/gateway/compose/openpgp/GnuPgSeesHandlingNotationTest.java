package io.liaison.gateway.compose.openpgp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.ExternalTool;
import jakarta.mail.internet.MimeBodyPart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GnuPG 2.2, an implementation no one here wrote, sees the handling marking inside the gateway's
 * signature: NOTATION_NAME/NOTATION_DATA on its status channel, next to GOODSIG, and the notation
 * subpackets in the signature's hashed area with {@code --list-packets}.
 */
class GnuPgSeesHandlingNotationTest {
    private static final String RECIPIENT = "power-ceptoar-duty";
    private static final HandlingMark MARK = HandlingMark.exercise(Tlp.AMBER_STRICT, "NISC-EXERCISE-EW-2025-00007");

    @TempDir
    Path work;
    private Path gnupgHome;

    @BeforeEach
    void requireGpg() throws Exception {
        Assumptions.assumeTrue(ExternalTool.available("gpg", "--version"), "gpg is not installed; CI installs it");
        gnupgHome = Files.createTempDirectory("gpg");
        Files.setPosixFilePermissions(gnupgHome, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (gnupgHome == null) {
            return;
        }
        try {
            ExternalTool.run(work, Map.of("GNUPGHOME", gnupgHome.toString()), 60, List.of("gpgconf", "--kill", "all"));
        } finally {
            try (var paths = Files.walk(gnupgHome)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void gpgReportsTheLevelReferenceAndExerciseNotationsOfAGoodSignature() throws Exception {
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText(SampleKeysFixture.JAPANESE_NOTICE, "UTF-8");
        PgpEncryptedMultipart body = PgpMimeProtector.forDemo(SampleKeysFixture.gatewayKey())
                .protect(inner, MARK, SampleKeysFixture.certificate(RECIPIENT), Instant.now());
        Path armored = work.resolve("encrypted.asc");
        try (InputStream in = body.getBodyPart(1).getInputStream()) {
            Files.write(armored, in.readAllBytes());
        }
        gpg("--import", SampleKeysFixture.secretKeyFile(RECIPIENT).toAbsolutePath().toString(),
                SampleKeysFixture.GATEWAY_CERT.toAbsolutePath().toString());

        ExternalTool.Result decrypt = gpg("--status-fd", "1", "--output", work.resolve("inner.eml").toString(),
                "--decrypt", armored.toString());
        String status = decrypt.stdout();
        assertTrue(status.contains("[GNUPG:] GOODSIG "), decrypt::toString);
        assertTrue(status.contains("[GNUPG:] NOTATION_NAME tlp@liaison-gateway\n[GNUPG:] NOTATION_FLAGS 0 1\n"
                + "[GNUPG:] NOTATION_DATA TLP:AMBER+STRICT\n"), decrypt::toString);
        assertTrue(status.contains("[GNUPG:] NOTATION_NAME reference@liaison-gateway\n[GNUPG:] NOTATION_FLAGS 0 1\n"
                + "[GNUPG:] NOTATION_DATA NISC-EXERCISE-EW-2025-00007\n"), decrypt::toString);
        assertTrue(status.contains("[GNUPG:] NOTATION_NAME exercise@liaison-gateway\n[GNUPG:] NOTATION_FLAGS 0 1\n"
                + "[GNUPG:] NOTATION_DATA yes\n"), decrypt::toString);

        ExternalTool.Result packets = gpg("--list-packets", armored.toString());
        String listing = packets.stdout();
        int signature = listing.indexOf(":signature packet:");
        assertTrue(signature >= 0, packets::toString);
        assertTrue(listing.indexOf("hashed subpkt 20 len", signature) > signature, "notation (subpacket 20) in the hashed area:\n" + listing);
        assertTrue(listing.contains("(notation: tlp@liaison-gateway=TLP:AMBER+STRICT)"), listing);
    }

    private ExternalTool.Result gpg(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", gnupgHome.toString()));
        command.addAll(List.of(arguments));
        return ExternalTool.run(work, Map.of("GNUPGHOME", gnupgHome.toString()), 60, command);
    }
}
