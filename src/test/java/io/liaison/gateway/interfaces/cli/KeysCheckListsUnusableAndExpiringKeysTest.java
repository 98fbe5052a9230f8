package io.liaison.gateway.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Main;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.testing.DemoKeysConfig;
import io.liaison.gateway.testing.TestCertificates;
import io.liaison.gateway.testing.WeakKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code keys check}: the unusable and the soon-expiring keys, each with its POC and fingerprint, and an exit code scripts can use. */
class KeysCheckListsUnusableAndExpiringKeysTest {
    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void listsWeakAndExpiringKeysByPocAndFingerprintAndExitsOne() throws Exception {
        var weak = WeakKeys.openPgpRsa(1024, HashAlgorithmTags.SHA256, "Weak <weak@example.invalid>");
        WeakKeys.write(dir.resolve("certs/weak.asc"), weak);
        X509Certificate soon = WeakKeys.x509(WeakKeys.rsa(2048), "SHA256withRSA", NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(12)));
        WeakKeys.write(dir.resolve("certs/soon.pem"), soon);
        TestCertificates.writeCertificate(dir.resolve("certs"), "good", NOW.minus(Duration.ofDays(30)), Duration.ofDays(800));
        Path yaml = Files.writeString(dir.resolve("directory.yaml"), """
                points_of_contact:
                  - id: weak-soc
                    openpgp_certificate: certs/weak.asc
                  - id: soon-liaison
                    smime_certificate: certs/soon.pem
                  - id: good-duty
                    openpgp_certificate: certs/good.asc
                  - id: missing-soc
                    openpgp_certificate: certs/missing.asc
                """);

        Run run = run(yaml, "--days", "30");

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("UNUSABLE  weak-soc (openpgp_certificate") && run.out().contains(
                new OpenPgpRecipientCertificate(weak).fingerprint() + ": WEAK_KEY_SIZE: primary key is RSA of 1024 bits"), run.out());
        assertTrue(run.out().contains("EXPIRING  soon-liaison (smime_certificate") && run.out().contains(
                SmimeRecipientCertificate.of(soon).fingerprint() + " expires at"), run.out());
        assertTrue(run.out().contains("UNUSABLE  missing-soc") && run.out().contains("no such file"), run.out());
        assertTrue(!run.out().contains("good-duty"), "a usable key far from expiry is not listed: " + run.out());
        assertTrue(run.out().contains("4 certificates checked") && run.out().contains("2 unusable, 1 expiring within 30 days"), run.out());
    }

    @Test
    void expiringSoonAloneIsAWarningNotAFailure() throws Exception {
        X509Certificate soon = WeakKeys.x509(WeakKeys.rsa(2048), "SHA256withRSA", NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(12)));
        WeakKeys.write(dir.resolve("certs/soon.pem"), soon);
        Path yaml = Files.writeString(dir.resolve("directory.yaml"),
                "points_of_contact:\n  - id: soon-liaison\n    smime_certificate: certs/soon.pem\n");

        assertEquals(0, run(yaml, "--days", "30").exit());
        Run narrow = run(yaml, "--days", "7");
        assertEquals(0, narrow.exit());
        assertTrue(!narrow.out().contains("EXPIRING"), narrow.out());
    }

    @Test
    void sampleDirectoryPassesThroughTheRegisteredMainCommand() throws Exception {
        assertEquals(0, Main.run("keys", "check", "--config", DemoKeysConfig.write(dir.resolve("config")).toString(),
                "--days", "30", "--directory", "keys-sample/directory.yaml"));
    }

    private record Run(int exit, String out) {
    }

    /** On the sample gateway keys in demo mode, so only the directory's certificates are in question. */
    private Run run(Path yaml, String... options) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String[] args = new String[options.length + 4];
        args[0] = "--directory";
        args[1] = yaml.toString();
        args[2] = "--config";
        args[3] = DemoKeysConfig.write(dir.resolve("config")).toString();
        System.arraycopy(options, 0, args, 4, options.length);
        int exit = new CommandLine(new KeysCheckCommand(Clock.fixed(NOW, ZoneOffset.UTC), out)).execute(args);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
