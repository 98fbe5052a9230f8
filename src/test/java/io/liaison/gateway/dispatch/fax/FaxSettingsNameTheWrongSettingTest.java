package io.liaison.gateway.dispatch.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.fax.FaxCompression;
import io.liaison.gateway.compose.fax.FaxResolution;
import io.liaison.gateway.marking.Tlp;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaxSettingsNameTheWrongSettingTest {

    @Test
    void theShippedDefaultsSendUpToGreenInFullAtFineResolutionThroughEmail() throws Exception {
        FaxSettings s = FaxSettings.from(shipped()::get);

        assertEquals(FaxSettings.Mode.EMAIL, s.mode());
        assertEquals(Tlp.GREEN, s.fullContentMaxLevel());
        assertEquals(FaxResolution.FINE, s.resolution());
        assertEquals(FaxCompression.T4, s.compression());
        assertEquals("faxgw.sample.invalid", s.gatewayDomain());
    }

    @Test
    void spoolModeTakesTheDirectoryAndStandardResolution() throws Exception {
        Lookup l = shipped().with("mode", "spool").with("spool-dir", "/var/spool/fax/in").with("resolution", "standard")
                .with("compression", "T6").with("full-content-max-level", "TLP:AMBER");

        FaxSettings s = FaxSettings.from(l::get);

        assertEquals(FaxSettings.Mode.SPOOL, s.mode());
        assertEquals(Path.of("/var/spool/fax/in"), s.spoolDirectory());
        assertEquals(FaxResolution.STANDARD, s.resolution());
        assertEquals(FaxCompression.T6, s.compression());
        assertEquals(Tlp.AMBER, s.fullContentMaxLevel());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mode|fax-modem|gateway.fax.mode: \"fax-modem\" is not email or spool",
        "gateway-domain|faxgw|gateway.fax.gateway-domain:",
        "gateway-domain||gateway.fax.gateway-domain is required",
        "full-content-max-level|TLP:WHITE|gateway.fax.full-content-max-level: \"TLP:WHITE\" is not one of",
        "resolution|superfine|gateway.fax.resolution: \"superfine\" is not a fax resolution",
        "compression|jbig|gateway.fax.compression: \"jbig\" is not a fax compression",
    })
    void aWrongValueIsRefusedNamingTheSetting(String key, String value, String expected) throws Exception {
        Lookup l = shipped().with(key, value == null ? "" : value);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaxSettings.from(l::get));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static Lookup shipped() throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(FaxSettingsNameTheWrongSettingTest.class.getResourceAsStream("/application.properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new Lookup(p);
    }

    private record Lookup(Properties p) {
        Lookup with(String key, String value) {
            Properties copy = new Properties();
            copy.putAll(p);
            copy.setProperty(FaxSettings.PREFIX + key, value);
            return new Lookup(copy);
        }

        Optional<String> get(String key) {
            return Optional.ofNullable(p.getProperty(key)).map(String::trim).filter(s -> !s.isEmpty());
        }
    }
}
