package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.EAST_SOC;
import static io.liaison.gateway.track.TrackingFixture.POWER_DUTY;
import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.inbound.ReasonCode;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notice invites "reply with your code to confirm". An operator answers from a mail client, in
 * plain text or HTML, quoting the notice: a reply signed with the operator's registered key and encrypted
 * to the gateway, quoting the reference and the operator's own code, confirms. It used to be quarantined
 * as WRONG_CONTENT_TYPE (no YAML part).
 */
class SignedPlainTextReplyConfirmsTest {
    static final String EAST = "soc@east-power.sample.invalid";

    @TempDir
    Path work;

    static byte[] textEntity(String contentType, String body) {
        return ("Content-Type: " + contentType + "; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\r\n", "\n").replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    /** What a mail client makes of "reply": a line of one's own above the quoted notice. */
    static String quotingReply(String ref, String code) {
        return "確認しました。東電力SOC 山田\n\n"
                + "> [TLP:AMBER] [" + ref + "] 早期警戒情報 Early warning: 制御系への標的型攻撃の兆候\n"
                + "> 返信で確認: " + code + " / reply " + code + " to confirm\n";
    }

    static InboundOutcome reply(GatewayHarness h, String messageId, byte[] entity, String signerPoc) throws Exception {
        return h.gateway().receive(InboundMail.pgpMime(new InboundMail.Envelope(EAST, h.clock.instant(), messageId),
                InboundMail.signedForGateway(entity, InboundMail.pocKey(signerPoc), h.clock.instant())));
    }

    @Test
    void aSignedPlainTextReplyQuotingTheReferenceAndItsCodeConfirms() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String code = TrackingFixture.codeSentTo(h.smsc, EAST_SOC, ref);

            InboundOutcome outcome = reply(h, "<text-1@east-power.sample.invalid>",
                    textEntity("text/plain", quotingReply(ref, code)), "east-power-soc");

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            Confirmation c = gateway.status(ref).confirmedOrganisations().get("east-power");
            assertEquals(ConfirmationChannel.SIGNED_EMAIL, c.channel());
            assertEquals("east-power-soc", c.pocId().orElseThrow());
        }
    }

    @Test
    void aSignedHtmlReplyConfirmsToo() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String code = TrackingFixture.codeSentTo(h.smsc, EAST_SOC, ref);
            String html = "<html><body><p>確認しました</p><blockquote><div>[TLP:AMBER] [<b>" + ref + "</b>]</div>"
                    + "<div>返信で確認:&nbsp;<span style=\"font-weight:bold\">" + code + "</span></div></blockquote></body></html>";
            String alternative = "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n"
                    + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n--alt--\r\n";

            InboundOutcome outcome = reply(h, "<html-1@east-power.sample.invalid>",
                    alternative.getBytes(StandardCharsets.UTF_8), "east-power-soc");

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            assertEquals("east-power-soc", gateway.status(ref).confirmedOrganisations().get("east-power").pocId().orElseThrow());
        }
    }

    @Test
    void aMultipartSignedTextReplyInsideTheEncryptionConfirms() throws Exception {
        // RFC 3156 §6.1, as Thunderbird sends it: encrypted only, the signature in a multipart/signed inside.
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String code = TrackingFixture.codeSentTo(h.smsc, EAST_SOC, ref);
            byte[] part = textEntity("text/plain", quotingReply(ref, code));
            byte[] entity = io.liaison.gateway.inbound.ReadsRfc3156MultipartSignedInsideEncryptionTestSupport.multipartSigned(part,
                    io.liaison.gateway.inbound.ReadsRfc3156MultipartSignedInsideEncryptionTestSupport.detachedSignature(part,
                            "east-power-soc", h.clock.instant()));

            InboundOutcome outcome = gateway.receive(InboundMail.pgpMime(new InboundMail.Envelope(EAST, h.clock.instant(),
                    "<tb-1@east-power.sample.invalid>"), InboundMail.encrypt(InboundMail.unsignedPackets(entity),
                    java.util.List.of(InboundMail.gatewayCertificate()), h.clock.instant())));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            assertEquals(ConfirmationChannel.SIGNED_EMAIL, gateway.status(ref).confirmedOrganisations().get("east-power").channel());
        }
    }

    @Test
    void anotherRecipientsCodeOrACodeWithoutItsReferenceConfirmsNothing() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String theirs = TrackingFixture.codeSentTo(h.smsc, POWER_DUTY, ref);
            String mine = TrackingFixture.codeSentTo(h.smsc, EAST_SOC, ref);

            InboundOutcome otherCode = reply(h, "<text-2@east-power.sample.invalid>",
                    textEntity("text/plain", quotingReply(ref, theirs)), "east-power-soc");
            InboundOutcome noReference = reply(h, "<text-3@east-power.sample.invalid>",
                    textEntity("text/plain", "確認しました " + mine), "east-power-soc");

            assertEquals(Optional.of(ReasonCode.TEXT_REPLY_WITHOUT_CODE), otherCode.reason(), otherCode.toString());
            assertEquals(Optional.of(ReasonCode.TEXT_REPLY_WITHOUT_CODE), noReference.reason(), noReference.toString());
            assertFalse(gateway.status(ref).confirmedOrganisations().containsKey("east-power"));
            assertFalse(gateway.status(ref).confirmedOrganisations().containsKey("power-ceptoar"));
        }
    }
}
