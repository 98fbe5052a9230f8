package io.liaison.gateway.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRedactorRemovesIdentifiersByShapeAndByNameTest {
    private final TextRedactor redactor = new TextRedactor(List.of(
            new KnownIdentifier("east-power", IdentifierKind.REPORTER, "電力分野の事業者", "an operator in the electric power sector"),
            new KnownIdentifier("East Power", IdentifierKind.REPORTER, "電力分野の事業者", "an operator in the electric power sector"),
            new KnownIdentifier("eastpower", IdentifierKind.REPORTER, "電力分野の事業者", "an operator in the electric power sector"),
            KnownIdentifier.of("山田", IdentifierKind.PERSON)));

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.15", "10.20.30.40/24", "198.51.100.7:8443", "2001:db8::15", "fe80::1%eth0",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.1", "scada01.example.co.jp", "vpn.corp.example",
            "soc@example.org", "https://portal.example/incidents?id=7", "hxxp://evil[.]example/x", "192[.]0[.]2[.]99",
            "+81312340001", "03-1234-0001", "090-1234-5678", "+81 3 1234 0001", "00:1a:2b:3c:4d:5e", "\\\\FS01\\logs\\a.log",
            "C:\\Users\\yamada\\Desktop", "１９２．０．２．１５"})
    void removesIdentifierShapes(String identifier) {
        RedactedText t = redactor.redact("notes", "seen at " + identifier + " today");
        assertFalse(t.text().contains(identifier), t.text());
        assertEquals(1, t.redactions().size(), t.redactions().toString());
        assertTrue(t.text().startsWith("seen at [") && t.text().endsWith("] today"), t.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CVE-2026-123456", "GridView 4.2", "HX-200", "2026-10-01", "10:30", "10:30:45", "invoice_2026.exe",
            "KB5031234", "Node.js", "TLS 1.2", "SHA-256"})
    void keepsWhatOthersNeedToProtectThemselves(String text) {
        RedactedText t = redactor.redact("notes", "seen: " + text + ".");
        assertEquals("seen: " + text + ".", t.text(), t.redactions().toString());
        assertTrue(t.redactions().isEmpty());
    }

    @Test
    void generalisesTheReporterInTheFieldsLanguage() {
        assertEquals("an operator in the electric power sector reported it",
                redactor.redact("notes", "East Power reported it").text());
        assertEquals("電力分野の事業者の制御系で不審な通信", redactor.redact("summary", "EAST POWERの制御系で不審な通信").text());
        assertEquals("［担当者名］が対応", redactor.redact("notes", "山田が対応").text());
    }

    @Test
    void removesWholeTokensAndFileNamesGluedToTheReporterName() {
        RedactedText t = redactor.redact("notes", "log east-power-scada01.evtx and EASTPOWER\\yamada and HA-NISC-EASTPOWER-2025.");
        assertEquals("log [file name] and [identifier] and [identifier].", t.text());
        assertTrue(t.redactions().stream().anyMatch(r -> r.original().equals("east-power-scada01.evtx")
                && r.kind() == IdentifierKind.FILE_NAME), t.redactions().toString());
    }

    @Test
    void listsEachRemovalWithItsField() {
        RedactedText t = redactor.redact("affected_system.hardware", "HX-200 at 10.0.0.5");
        assertEquals("HX-200 at [IP address]", t.text());
        assertEquals("affected_system.hardware: \"10.0.0.5\" → \"[IP address]\"   (ip)", t.redactions().get(0).line());
    }

    @Test
    void recognisesIpv6TextFormsOnly() {
        assertTrue(TextRedactor.isIpv6("2001:db8::1"));
        assertTrue(TextRedactor.isIpv6("::1"));
        assertTrue(TextRedactor.isIpv6("1:2:3:4:5:6:7:8"));
        assertFalse(TextRedactor.isIpv6("1:2:3"));
        assertFalse(TextRedactor.isIpv6("1::2::3"));
        assertFalse(TextRedactor.isIpv6("12345::1"));
    }
}
