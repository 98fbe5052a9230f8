package io.liaison.gateway.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.DemoKeysConfig;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.NextGatewayKeyFiles;
import io.liaison.gateway.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keys check --config F} reads F: the directory F names (not the built-in sample), and the gateway's
 * own keys F names, current and next — a sample or unprotected gateway key outside demo mode is unusable
 * (exit 1), a contact's certificate expiring in 20 days is a warning naming the contact.
 */
class KeysCheckReadsTheConfigFileAndJudgesTheGatewaysOwnKeysTest {
    private static final Instant NOW = Instant.parse("2026-06-01T01:00:00Z");
    private static final String SAMPLE_GATEWAY = "B775B3135E511A3F7EBEB8B8351F7329BD75AF2D";

    @TempDir
    Path work;

    @Test
    void theDirectoryAndTheKeysOfTheConfigFileAreJudged() throws Exception {
        TestCertificates.writeCertificate(work.resolve("dir/certs"), "west-soon", NOW.minus(Duration.ofDays(300)), Duration.ofDays(320));
        Path directory = EditedDirectory.ofSample(work.resolve("dir")).replace("certs/west-power-soc.asc", "certs/west-soon.asc").write();
        NextGatewayKeyFiles next = NextGatewayKeyFiles.generate(work.resolve("next"));
        Path config = DemoKeysConfig.write(work.resolve("demo"), "gateway.directory=" + directory,
                "gateway.key.next.file=" + next.openPgpKey(), "gateway.key.next.passphrase-file=" + next.passphrase(),
                "gateway.smime.next.key.file=" + next.smimeKey(), "gateway.smime.next.certificate.file=" + next.smimeCertificate(),
                "gateway.key.switch-at=2026-07-01T00:00+09:00");

        Run demo = run("--config", config.toString());

        assertEquals(0, demo.exit(), demo.out());
        assertTrue(demo.out().contains("against " + directory), "the directory named in the config file: " + demo.out());
        assertTrue(demo.out().contains("EXPIRING  west-power-soc (openpgp_certificate") && demo.out().contains("(in 20 days)"), demo.out());
        assertTrue(demo.out().contains("GATEWAY   gateway.key.file (keys-sample/gateway/gateway.sec.asc): " + SAMPLE_GATEWAY
                + ": signs and decrypts"), demo.out());
        assertTrue(demo.out().contains("GATEWAY   gateway.key.next.file (" + next.openPgpKey() + "): " + next.fingerprint()), demo.out());
        assertTrue(demo.out().contains("GATEWAY   gateway.smime.next.key.file"), demo.out());
        assertTrue(demo.out().contains("gateway keys: 4 checked, 0 unusable"), demo.out());

        // The same keys outside demo mode: the sample gateway key is refused by name, and the exit says so.
        Path production = Files.writeString(work.resolve("production.properties"), Files.readString(config)
                .replace("gateway.demo-mode=true", "gateway.demo-mode=false"));
        Run refused = run("--config", production.toString());

        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains("UNUSABLE  gateway.key.file (keys-sample/gateway/gateway.sec.asc): " + SAMPLE_GATEWAY
                + ": a published sample key"), refused.out());
    }

    @Test
    void aGatewayKeyWithoutItsPassphraseIsUnusableNamingTheVariableNotTheSecret() throws Exception {
        Path config = Files.writeString(work.resolve("no-passphrase.properties"), "gateway.demo-mode=true\n");

        Run run = run("--config", config.toString(), "--directory", "keys-sample/directory.yaml");

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("UNUSABLE  settings (-): no key passphrase configured: set LIAISON_KEY_PASSPHRASE"), run.out());
    }

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new KeysCheckCommand(Clock.fixed(NOW, ZoneOffset.UTC), out, Map.of())).execute(args);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
