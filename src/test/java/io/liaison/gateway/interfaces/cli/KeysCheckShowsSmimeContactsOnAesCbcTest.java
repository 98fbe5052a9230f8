package io.liaison.gateway.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * S/MIME goes with AES-256-GCM wherever the contact's capabilities (directory or certificate) allow it;
 * {@code keys check} names, with fingerprint, every S/MIME contact that still gets AES-CBC, so they can be
 * chased to declare or upgrade. It is a warning: the exit code stays 0.
 */
class KeysCheckShowsSmimeContactsOnAesCbcTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path work;

    @Test
    void theSampleFsaLiaisonWithoutGcmIsListedAndTheMicLiaisonWithGcmIsNot() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new CommandLine(new KeysCheckCommand(Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute("--config", io.liaison.gateway.testing.DemoKeysConfig.write(work).toString(),
                        "--directory", "keys-sample/directory.yaml");
        String out = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit, out);
        assertTrue(out.contains("AES-CBC   fsa-liaison (smime_certificate"), out);
        assertTrue(out.contains("gets AES-256-CBC"), out);
        assertFalse(out.contains("AES-CBC   mic-liaison"), "mic-liaison declares aes256-gcm: " + out);
        assertTrue(out.contains("1 S/MIME on AES-CBC"), out);
    }
}
