package io.liaison.gateway.compose.openpgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures to load the gateway key say which file and why, and never what the passphrase was. */
class PassphraseNeverAppearsInErrorsTest {
    private static final String WRONG = "Wr0ng-pass-京都-7731";

    @TempDir
    Path dir;

    @Test
    void wrongPassphraseFromFileNamesKeyFileButNotThePassphrase() throws Exception {
        Path wrongFile = dir.resolve("wrong-passphrase.txt");
        Files.writeString(wrongFile, WRONG + "\n", StandardCharsets.UTF_8);

        GatewayKeyException failure = assertThrows(GatewayKeyException.class,
                () -> OpenPgpGatewayKey.load(SampleKeysFixture.GATEWAY_SECRET, PassphraseSource.fromFile(wrongFile)));

        assertTrue(failure.getMessage().contains(SampleKeysFixture.GATEWAY_SECRET.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("does not unlock"), failure.getMessage());
        assertEquals(Optional.of(SampleKeysFixture.GATEWAY_SECRET), failure.file());
        assertNoSecretIn(failure);
    }

    @Test
    void wrongPassphraseFromEnvironmentNamesVariableButNotThePassphrase() throws Exception {
        PassphraseSource source = PassphraseSource.fromEnvironment("LIAISON_KEY_PASSPHRASE", Map.of("LIAISON_KEY_PASSPHRASE", WRONG));

        GatewayKeyException failure = assertThrows(GatewayKeyException.class,
                () -> OpenPgpGatewayKey.load(SampleKeysFixture.GATEWAY_SECRET, source));

        assertTrue(failure.getMessage().contains("LIAISON_KEY_PASSPHRASE"), failure.getMessage());
        assertTrue(failure.getMessage().contains(SampleKeysFixture.GATEWAY_SECRET.toString()), failure.getMessage());
        assertNoSecretIn(failure);
        assertFalse(source.toString().contains(WRONG));
    }

    @Test
    void rightPassphraseUnlocksTheSampleGatewayKey() throws Exception {
        OpenPgpGatewayKey key = SampleKeysFixture.gatewayKey();
        assertTrue(key.isSample());
        assertTrue(key.protectedOnDisk());
        assertEquals(40, key.fingerprint().length());
    }

    @Test
    void unsetVariableAndMissingFilesAreNamed() {
        GatewayKeyException unset = assertThrows(GatewayKeyException.class,
                () -> OpenPgpGatewayKey.load(SampleKeysFixture.GATEWAY_SECRET, PassphraseSource.fromEnvironment("NO_SUCH_VAR", Map.of())));
        assertTrue(unset.getMessage().contains("NO_SUCH_VAR"), unset.getMessage());

        Path missingPassphrase = dir.resolve("absent.txt");
        GatewayKeyException noPassphraseFile = assertThrows(GatewayKeyException.class,
                () -> OpenPgpGatewayKey.load(SampleKeysFixture.GATEWAY_SECRET, PassphraseSource.fromFile(missingPassphrase)));
        assertEquals(Optional.of(missingPassphrase), noPassphraseFile.file());

        Path missingKey = dir.resolve("absent.sec.asc");
        GatewayKeyException noKeyFile = assertThrows(GatewayKeyException.class,
                () -> OpenPgpGatewayKey.load(missingKey, PassphraseSource.fromFile(SampleKeysFixture.GATEWAY_PASSPHRASE)));
        assertTrue(noKeyFile.getMessage().contains(missingKey.toString()), noKeyFile.getMessage());
    }

    @Test
    void publicCertificateOrGarbageInsteadOfSecretKeyIsNamed() throws Exception {
        GatewayKeyException publicOnly = assertThrows(GatewayKeyException.class,
                () -> OpenPgpGatewayKey.load(SampleKeysFixture.GATEWAY_CERT, PassphraseSource.fromFile(SampleKeysFixture.GATEWAY_PASSPHRASE)));
        assertTrue(publicOnly.getMessage().contains(SampleKeysFixture.GATEWAY_CERT.toString()), publicOnly.getMessage());
        assertTrue(publicOnly.getMessage().contains("not a secret key"), publicOnly.getMessage());

        Path garbage = dir.resolve("garbage.asc");
        Files.writeString(garbage, "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + WRONG + "\n-----END PGP PRIVATE KEY BLOCK-----\n");
        GatewayKeyException notAKey = assertThrows(GatewayKeyException.class,
                () -> OpenPgpGatewayKey.load(garbage, PassphraseSource.fromFile(SampleKeysFixture.GATEWAY_PASSPHRASE)));
        assertTrue(notAKey.getMessage().contains(garbage.toString()), notAKey.getMessage());
        assertNoSecretIn(notAKey);
    }

    @Test
    void environmentChoosesBetweenVariableAndFileAndRefusesBoth() throws Exception {
        Path file = dir.resolve("p.txt");
        Files.writeString(file, "from-file\r\n", StandardCharsets.UTF_8);

        assertEquals("from-file", new String(PassphraseSource.resolve(
                Map.of(PassphraseSource.FILE_VARIABLE, file.toString()), Optional.empty()).read()));
        assertEquals("from-variable", new String(PassphraseSource.resolve(
                Map.of(PassphraseSource.DEFAULT_VARIABLE, "from-variable"), Optional.of(file)).read()));
        assertEquals("from-file", new String(PassphraseSource.resolve(Map.of(), Optional.of(file)).read()));

        GatewayKeyException both = assertThrows(GatewayKeyException.class, () -> PassphraseSource.resolve(Map.of(
                PassphraseSource.DEFAULT_VARIABLE, WRONG, PassphraseSource.FILE_VARIABLE, file.toString()), Optional.empty()));
        assertNoSecretIn(both);
        GatewayKeyException none = assertThrows(GatewayKeyException.class, () -> PassphraseSource.resolve(Map.of(), Optional.empty()));
        assertTrue(none.getMessage().contains(PassphraseSource.DEFAULT_VARIABLE), none.getMessage());
    }

    private static void assertNoSecretIn(Throwable failure) throws Exception {
        String correct = Files.readString(SampleKeysFixture.GATEWAY_PASSPHRASE).strip();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        for (String secret : new String[] {WRONG, correct}) {
            assertFalse(trace.toString().contains(secret), "secret leaked into: " + trace);
        }
    }
}
