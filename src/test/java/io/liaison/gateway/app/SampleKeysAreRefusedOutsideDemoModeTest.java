package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleKeysAreRefusedOutsideDemoModeTest {
    @TempDir
    Path work;

    @Test
    void gatewayWillNotStartOnSampleKeysUnlessInDemoMode() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Properties p = h.overrides();
            p.setProperty("gateway.demo-mode", "false");
            // outside demo mode the database needs a password, checked before the keys
            p.setProperty("gateway.db.password-file", java.nio.file.Files.writeString(work.resolve("db-password"), "test-only").toString());

            GatewaySettings.SettingsException e = assertThrows(GatewaySettings.SettingsException.class,
                    () -> Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start().close());

            assertTrue(e.getMessage().contains("refusing to run on sample keys outside demo mode"), e.getMessage());
            assertTrue(e.getMessage().contains("keys-sample/gateway/gateway.sec.asc"), e.getMessage());
            assertTrue(!e.getMessage().contains(java.nio.file.Files.readString(Path.of("keys-sample/gateway/passphrase.txt")).strip()),
                    "the passphrase never appears in an error");
        }
    }
}
