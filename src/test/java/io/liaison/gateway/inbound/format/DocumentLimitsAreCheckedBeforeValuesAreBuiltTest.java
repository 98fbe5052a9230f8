package io.liaison.gateway.inbound.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.yaml.YamlLimits;
import org.junit.jupiter.api.Test;

/** The YAML and JSON readers of the machine-readable part refuse, unread, what exceeds their limits. */
class DocumentLimitsAreCheckedBeforeValuesAreBuiltTest {
    private static final String ACK = "liaison: 1\ntype: acknowledgement\nreference: NISC-PR3-2026-00001\n";
    private final InboundDocumentParser parser = new InboundDocumentParser(YamlLimits.defaults());

    @Test
    void aLongIntegerInYamlIsRefusedBeforeConversionNamingTheSetting() {
        FormatException e = assertThrows(FormatException.class, () -> parser.parse(ACK + "note: " + "7".repeat(1000) + "\n", false));
        assertTrue(e.limitExceeded());
        assertTrue(e.getMessage().contains("gateway.inbound.max-number-chars (40)"), e.getMessage());
    }

    @Test
    void anExplicitlyTaggedMebibyteIntegerIsRefusedToo() {
        // SnakeYAML takes scalars over 1024 characters for text unless a tag says otherwise; the tag says so here.
        FormatException e = assertThrows(FormatException.class, () -> parser.parse(ACK + "note: !!int " + "7".repeat(500_000) + "\n", false));
        assertTrue(e.limitExceeded());
        assertTrue(e.getMessage().contains("gateway.inbound.max-number-chars (40)"), e.getMessage());
    }

    @Test
    void aLongNumberInJsonIsRefusedBeforeConversion() {
        FormatException e = assertThrows(FormatException.class, () -> parser.parse("{\"liaison\": 1" + "0".repeat(5000) + "}", true));
        assertTrue(e.limitExceeded());
        assertTrue(e.getMessage().contains("gateway.inbound.max-number-chars"), e.getMessage());
    }

    @Test
    void yamlAndJsonNestedDeeperThanTheLimitAreRefused() {
        FormatException yaml = assertThrows(FormatException.class, () -> parser.parse(ACK + "x: " + "[".repeat(50) + "]".repeat(50), false));
        assertTrue(yaml.limitExceeded() && yaml.getMessage().contains("gateway.inbound.max-document-depth"), yaml.getMessage());
        FormatException json = assertThrows(FormatException.class, () -> parser.parse("[".repeat(50) + "]".repeat(50), true));
        assertTrue(json.limitExceeded() && json.getMessage().contains("gateway.inbound.max-document-depth"), json.getMessage());
    }

    @Test
    void yamlAliasesBeyondTheLimitAreRefused() {
        StringBuilder y = new StringBuilder(ACK + "a: &a [1]\nb: [");
        for (int i = 0; i < 20; i++) {
            y.append(i == 0 ? "" : ", ").append("*a");
        }
        FormatException e = assertThrows(FormatException.class, () -> parser.parse(y + "]\n", false));
        assertTrue(e.limitExceeded() && e.getMessage().contains("gateway.inbound.max-document-aliases"), e.getMessage());
    }

    @Test
    void aLongStringIsRefusedInBothSyntaxes() {
        String longText = "z".repeat(70_000);
        FormatException yaml = assertThrows(FormatException.class, () -> parser.parse(ACK + "note: " + longText + "\n", false));
        assertTrue(yaml.limitExceeded() && yaml.getMessage().contains("gateway.inbound.max-string-chars"), yaml.getMessage());
        FormatException json = assertThrows(FormatException.class, () -> parser.parse("{\"note\": \"" + longText + "\"}", true));
        assertTrue(json.limitExceeded() && json.getMessage().contains("gateway.inbound.max-string-chars"), json.getMessage());
    }

    @Test
    void aJsonDuplicateKeyIsRefusedWithItsPlaceAsInYaml() {
        FormatException e = assertThrows(FormatException.class, () -> parser.parse(
                "{\"liaison\": 1, \"type\": \"acknowledgement\", \"reference\": \"NISC-PR3-2026-00001\",\n \"tlp\": \"TLP:RED\", \"tlp\": \"TLP:CLEAR\"}", true));
        assertFalse(e.limitExceeded());
        assertEquals("not valid JSON at line 2, column 20: found duplicate key \"tlp\"", e.getMessage());
    }

    @Test
    void strictJsonStillReadsAWellFormedAcknowledgement() throws Exception {
        InboundDocument d = parser.parse("\uFEFF{\"liaison\": 1.0, \"type\": \"acknowledgement\", \"reference\": \"NISC-PR3-2026-00001\","
                + " \"note\": \"\\u53d7\\u9818\"}", true);
        InboundDocument.Acknowledgement ack = (InboundDocument.Acknowledgement) d;
        assertEquals("NISC-PR3-2026-00001", ack.reference());
        assertEquals("受領", ack.note().orElseThrow());
    }
}
