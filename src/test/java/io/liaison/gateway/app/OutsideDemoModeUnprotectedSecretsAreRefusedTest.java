package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outside demo mode the gateway does not start on a database without a password or on a signing key
 * anyone who copies the file can use; the refusal names the setting to fix, never a secret.
 */
class OutsideDemoModeUnprotectedSecretsAreRefusedTest {
    @TempDir
    Path work;

    @Test
    void anEmptyDatabasePasswordIsRefusedNamingTheSetting() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Properties p = h.overrides();
            p.setProperty("gateway.demo-mode", "false");
            p.setProperty("gateway.db.password-env", "LIAISON_TEST_UNSET_DB_PASSWORD");
            p.remove("gateway.db.password-file"); // the PostgreSQL leg's harness names one

            GatewaySettings.SettingsException e = assertThrows(GatewaySettings.SettingsException.class,
                    () -> Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start().close());

            assertTrue(e.getMessage().contains("database password is empty"), e.getMessage());
            assertTrue(e.getMessage().contains("LIAISON_TEST_UNSET_DB_PASSWORD"), e.getMessage());
            assertTrue(e.getMessage().contains("gateway.db.password-file"), e.getMessage());
        }
    }

    @Test
    void anEmptyPasswordFileIsRefusedToo() throws Exception {
        Path empty = Files.writeString(work.resolve("db-password"), "\n");
        Properties p = new Properties();
        p.setProperty("gateway.db.password-env", "LIAISON_TEST_UNSET_DB_PASSWORD");
        p.setProperty("gateway.db.password-file", empty.toString());

        GatewaySettings.SettingsException e = assertThrows(GatewaySettings.SettingsException.class,
                () -> GatewaySettings.load(Optional.empty(), p).databasePassword());

        assertTrue(e.getMessage().contains("database password is empty"), e.getMessage());
    }

    @Test
    void thePasswordFileIsReadWithoutItsLineBreakAndNeverQuoted() throws Exception {
        Path file = Files.writeString(work.resolve("db-password"), "s3cret-for-h2\n");
        Properties p = new Properties();
        p.setProperty("gateway.db.password-env", "LIAISON_TEST_UNSET_DB_PASSWORD");
        p.setProperty("gateway.db.password-file", file.toString());

        assertTrue(GatewaySettings.load(Optional.empty(), p).databasePassword().equals("s3cret-for-h2"));
    }

    @Test
    void inDemoModeAnEmptyDatabasePasswordIsAllowed() {
        Properties p = new Properties();
        p.setProperty("gateway.demo-mode", "true");
        p.setProperty("gateway.db.password-env", "LIAISON_TEST_UNSET_DB_PASSWORD");

        assertTrue(GatewaySettings.load(Optional.empty(), p).databasePassword().isEmpty());
    }

    @Test
    void anOpenPgpGatewayKeyWithoutPassphraseIsRefusedNamingTheSetting() throws Exception {
        Path key = TestCertificates.writeSecretKey(work.resolve("keys"), "gateway",
                TestCertificates.generateKey("Gateway", Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365)));
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Properties p = outsideDemo(h);
            p.setProperty("gateway.key.file", key.toString());

            GatewaySettings.SettingsException e = assertThrows(GatewaySettings.SettingsException.class,
                    () -> Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start().close());

            assertTrue(e.getMessage().contains("setting gateway.key.file"), e.getMessage());
            assertTrue(e.getMessage().contains("not protected by a passphrase"), e.getMessage());
        }
    }

    @Test
    void anUnencryptedSmimeGatewayKeyIsRefusedNamingTheSetting() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Properties p = outsideDemo(h);
            p.setProperty("gateway.smime.key.file", "keys-sample/smime/secret/mic-liaison.key.pem");
            p.setProperty("gateway.smime.certificate.file", "keys-sample/smime/certs/mic-liaison.pem");

            GatewaySettings.SettingsException e = assertThrows(GatewaySettings.SettingsException.class,
                    () -> Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start().close());

            assertTrue(e.getMessage().contains("setting gateway.smime.key.file"), e.getMessage());
            assertTrue(e.getMessage().contains("not encrypted"), e.getMessage());
        }
    }

    /** Outside demo mode, with a database password from a file: what is checked next is the key. */
    private Properties outsideDemo(GatewayHarness h) throws Exception {
        Properties p = h.overrides();
        p.setProperty("gateway.demo-mode", "false");
        p.setProperty("gateway.db.password-env", "LIAISON_TEST_UNSET_DB_PASSWORD");
        p.setProperty("gateway.db.password-file", Files.writeString(work.resolve("db-password"), "test-only\n").toString());
        return p;
    }
}
