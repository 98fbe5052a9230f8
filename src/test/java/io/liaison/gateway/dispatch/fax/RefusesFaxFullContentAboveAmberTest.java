package io.liaison.gateway.dispatch.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fax is a plaintext channel: by default only TLP:CLEAR and TLP:GREEN go in full, and no setting can make
 * AMBER+STRICT or RED go in full; such a setting stops the start with an error naming it.
 */
class RefusesFaxFullContentAboveAmberTest {
    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"TLP:AMBER+STRICT", "TLP:RED"})
    void aLevelAboveAmberIsRefusedNamingTheSetting(String level) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FaxSettings.from(settings(level)::optional));
        assertTrue(refused.getMessage().contains("gateway.fax.full-content-max-level"), refused.getMessage());
        assertTrue(refused.getMessage().contains(level + " is refused"), refused.getMessage());
    }

    @Test
    void theDefaultIsGreenAndAmberIsTheMostThatCanBeSet() {
        assertEquals(Tlp.GREEN, FaxSettings.from(GatewaySettings.load(Optional.empty(), new Properties())::optional)
                .fullContentMaxLevel());
        assertEquals(Tlp.AMBER, FaxSettings.from(settings("TLP:AMBER")::optional).fullContentMaxLevel());
    }

    @Test
    void theGatewayDoesNotStartWithRedInFull() throws Exception {
        Properties p = GatewayHarness.overrides(work, 2525, 2775);
        p.setProperty("gateway.fax.full-content-max-level", "TLP:RED");

        GatewaySettings.SettingsException refused = assertThrows(GatewaySettings.SettingsException.class,
                () -> Gateway.builder(GatewaySettings.load(Optional.empty(), p)).start().close());
        assertTrue(refused.getMessage().contains("gateway.fax.full-content-max-level"), refused.getMessage());
    }

    private static GatewaySettings settings(String level) {
        Properties p = new Properties();
        p.setProperty("gateway.fax.full-content-max-level", level);
        return GatewaySettings.load(Optional.empty(), p);
    }
}
