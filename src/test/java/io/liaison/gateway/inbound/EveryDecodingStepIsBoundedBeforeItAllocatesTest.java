package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each decoding limit of the intake (gateway.inbound.*) refuses what exceeds it with its own reason code
 * and a detail naming the setting, through the real intake: the message is stored and quarantined, never
 * read whole, never acted on.
 */
class EveryDecodingStepIsBoundedBeforeItAllocatesTest {
    private static final String REF = "NISC-PR3-2026-00001";

    @Test
    void aCompressedPacketExpandingPastTheLimitIsQuarantinedAsADecompressionBomb() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            byte[] mail = InboundMail.pgpMime(env(f, "bomb"), DecompressionBomb.armored(16, InboundMail.gatewayCertificate(), f.clock.instant()));
            assertRefused(f.intake.receiveRaw(mail), ReasonCode.DECOMPRESSION_LIMIT, "gateway.inbound.max-decompressed-bytes");
        }
    }

    @Test
    void multipartsNestedDeeperThanTheLimitAreRefusedBeforeTheDeepestIsParsed() throws Exception {
        StringBuilder body = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            body.append("--b").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n");
            close.insert(0, "--b" + (i - 1) + "--\r\n");
        }
        String text = body + "--b12\r\nContent-Type: text/plain\r\n\r\nx\r\n--b12--\r\n" + close;
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            assertRefused(f.intake.receiveRaw(InboundMail.simple(env(f, "deep"), "multipart/mixed; boundary=b0", text)),
                    ReasonCode.MIME_TOO_DEEP, "gateway.inbound.max-mime-depth");
        }
    }

    @Test
    void moreMimePartsThanTheLimitAreRefusedWhileStillBytes() throws Exception {
        String text = "--p\r\nContent-Type: text/plain\r\n\r\nx\r\n".repeat(65) + "--p--\r\n";
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            assertRefused(f.intake.receiveRaw(InboundMail.simple(env(f, "parts"), "multipart/mixed; boundary=p", text)),
                    ReasonCode.TOO_MANY_PARTS, "gateway.inbound.max-mime-parts");
        }
    }

    @Test
    void moreHeaderFieldsThanTheLimitAreRefused() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            InboundMail.Envelope e = env(f, "headers");
            for (int i = 0; i < 201; i++) {
                e.header("X-Filler-" + i, "x");
            }
            assertRefused(f.intake.receiveRaw(InboundMail.simple(e, "text/plain", "x")), ReasonCode.TOO_MANY_HEADERS,
                    "gateway.inbound.max-header-fields");
        }
    }

    @Test
    void aHeaderFieldFoldedPastTheLimitIsRefused() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String folded = ("x".repeat(70) + "\r\n ").repeat(300) + "end";
            assertRefused(f.intake.receiveRaw(InboundMail.simple(env(f, "long-header").header("X-Long", folded), "text/plain", "x")),
                    ReasonCode.HEADER_TOO_LONG, "gateway.inbound.max-header-bytes");
        }
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            assertRefused(f.intake.receiveRaw(InboundMail.simple(env(f, "long-line"), "text/plain", "y".repeat(20_000))),
                    ReasonCode.LINE_TOO_LONG, "gateway.inbound.max-line-bytes");
        }
    }

    @Test
    void smimeStructuresNestedDeeperThanTheLimitNeverReachTheAsn1Parser() throws Exception {
        byte[] der = new byte[2 * 5000];
        for (int i = 0; i < der.length; i += 2) {
            der[i] = 0x30;
            der[i + 1] = (byte) 0x80;
        }
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            assertRefused(f.intake.receiveRaw(InboundSmime.mail(env(f, "asn1"), "enveloped-data", der)),
                    ReasonCode.STRUCTURE_TOO_DEEP, "gateway.inbound.max-asn1-depth");
        }
    }

    @Test
    void aLongNumberInTheSignedYamlIsRefusedBeforeItIsConverted() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String yaml = InboundMail.ack(REF) + "tlp: " + "9".repeat(1000) + "\n";
            byte[] mail = InboundMail.pgpMime(env(f, "long-number"), InboundMail.signedForGateway(InboundMail.inner(yaml),
                    InboundMail.pocKey("east-power-soc"), f.clock.instant()));
            assertRefused(f.intake.receiveRaw(mail), ReasonCode.FORMAT_LIMIT, "gateway.inbound.max-number-chars");
        }
    }

    @Test
    void aJsonBodyWithADuplicateKeyIsRefusedAsTheYamlOneIs() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String json = "{\"liaison\": 1, \"type\": \"acknowledgement\", \"reference\": \"" + REF
                    + "\", \"tlp\": \"TLP:RED\", \"tlp\": \"TLP:CLEAR\"}";
            byte[] mail = InboundMail.pgpMime(env(f, "json-duplicate"), InboundMail.signedForGateway(jsonInner(json),
                    InboundMail.pocKey("east-power-soc"), f.clock.instant()));
            InboundOutcome outcome = f.intake.receiveRaw(mail);
            assertEquals(Optional.of(ReasonCode.FORMAT_INVALID), outcome.reason(), outcome.toString());
            assertTrue(outcome.detail().orElseThrow().contains("duplicate key \"tlp\""), outcome.toString());

            String yaml = InboundMail.ack(REF) + "tlp: TLP:RED\ntlp: TLP:CLEAR\n";
            InboundOutcome asYaml = f.intake.receiveRaw(InboundMail.pgpMime(env(f, "yaml-duplicate"), InboundMail.signedForGateway(
                    InboundMail.inner(yaml), InboundMail.pocKey("east-power-soc"), f.clock.instant())));
            assertEquals(Optional.of(ReasonCode.FORMAT_INVALID), asYaml.reason(), asYaml.toString());
            assertTrue(asYaml.detail().orElseThrow().contains("duplicate key tlp"), asYaml.toString());
        }
    }

    private static byte[] jsonInner(String json) {
        return ("Content-Type: multipart/mixed; boundary=\"j1\"\r\n\r\n--j1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "see attached\r\n--j1\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n" + json + "\r\n--j1--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static InboundMail.Envelope env(IntakeFixture f, String id) {
        return new InboundMail.Envelope("soc@east-power.sample.invalid", f.clock.instant(), "<" + id + "@east-power.sample.invalid>");
    }

    private static void assertRefused(InboundOutcome outcome, ReasonCode reason, String setting) {
        assertEquals(InboundStatus.QUARANTINED, outcome.status(), outcome.toString());
        assertEquals(Optional.of(reason), outcome.reason(), outcome.toString());
        assertTrue(outcome.detail().orElseThrow().contains(setting), "the detail names " + setting + ": " + outcome);
    }
}
