package io.liaison.gateway.interfaces.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.ManagementEndpoint;
import io.liaison.gateway.metrics.HealthStatus;
import io.liaison.gateway.metrics.Observability;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics are served without authentication, so the endpoint binds to loopback by default and a
 * host that is not loopback is refused before anything starts, naming the setting; allowed only explicitly.
 */
class ManagementEndpointStaysOnLoopbackTest {
    private static final Observability NOTHING = new Observability() {
        @Override
        public String prometheusText() {
            return "";
        }

        @Override
        public List<HealthStatus> readiness() {
            return List.of();
        }
    };

    @Test
    void theDefaultsBindToLoopback() throws Exception {
        Optional<ManagementSettings> defaults = ManagementEndpoint.settings(settings("gateway.management.port", "0"));
        assertTrue(defaults.orElseThrow().address().isLoopbackAddress());
        try (ManagementEndpoint endpoint = ManagementEndpoint.start(defaults, NOTHING)) {
            assertTrue(endpoint.server().orElseThrow().address().toString().startsWith("http://127.0.0.1:"));
        }
        assertEquals(9464, ManagementEndpoint.settings(settings()).orElseThrow().port(), "documented default port");
    }

    @Test
    void allInterfacesAreRefusedNamingTheSetting() {
        GatewaySettings.SettingsException refused = assertThrows(GatewaySettings.SettingsException.class,
                () -> ManagementEndpoint.settings(settings("gateway.management.host", "0.0.0.0")));
        assertTrue(refused.getMessage().startsWith("setting gateway.management.host: '0.0.0.0'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("gateway.management.allow-non-loopback=true"), refused.getMessage());
    }

    @Test
    void allInterfacesAreServedOnlyWhenExplicitlyAllowed() throws Exception {
        Optional<ManagementSettings> allowed = ManagementEndpoint.settings(settings("gateway.management.host", "0.0.0.0",
                "gateway.management.allow-non-loopback", "true", "gateway.management.port", "0"));
        try (ManagementEndpoint endpoint = ManagementEndpoint.start(allowed, NOTHING)) {
            assertTrue(endpoint.server().isPresent());
        }
    }

    @Test
    void offMeansNoEndpointAndABadPortIsNamed() {
        assertTrue(ManagementEndpoint.settings(settings("gateway.management.port", "off")).isEmpty());
        GatewaySettings.SettingsException refused = assertThrows(GatewaySettings.SettingsException.class,
                () -> ManagementEndpoint.settings(settings("gateway.management.port", "metrics")));
        assertTrue(refused.getMessage().startsWith("setting gateway.management.port:"), refused.getMessage());
    }

    private static GatewaySettings settings(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return GatewaySettings.load(Optional.empty(), p);
    }
}
