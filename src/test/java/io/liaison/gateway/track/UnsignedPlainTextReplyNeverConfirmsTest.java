package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.EAST_SOC;
import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.ReasonCode;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A code in an e-mail proves nothing by itself: anyone who saw the SMS or the quoted notice could send
 * it. Only the signature by the code's own recipient makes a text reply count; unsigned ones, encrypted
 * or not, never confirm.
 */
class UnsignedPlainTextReplyNeverConfirmsTest {
    @TempDir
    Path work;

    @Test
    void unsignedTextRepliesWithTheRightCodeAreQuarantinedAndConfirmNothing() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String code = TrackingFixture.codeSentTo(h.smsc, EAST_SOC, ref);
            byte[] text = SignedPlainTextReplyConfirmsTest.textEntity("text/plain", SignedPlainTextReplyConfirmsTest.quotingReply(ref, code));

            InboundOutcome encryptedUnsigned = gateway.receive(InboundMail.pgpMime(new InboundMail.Envelope(
                    SignedPlainTextReplyConfirmsTest.EAST, h.clock.instant(), "<u-1@east-power.sample.invalid>"),
                    InboundMail.encrypt(InboundMail.unsignedPackets(text), List.of(InboundMail.gatewayCertificate()), h.clock.instant())));
            InboundOutcome clear = gateway.receive(InboundMail.simple(new InboundMail.Envelope(SignedPlainTextReplyConfirmsTest.EAST,
                    h.clock.instant(), "<u-2@east-power.sample.invalid>"), "text/plain; charset=UTF-8",
                    SignedPlainTextReplyConfirmsTest.quotingReply(ref, code)));

            assertEquals(Optional.of(ReasonCode.UNSIGNED), encryptedUnsigned.reason(), encryptedUnsigned.toString());
            assertEquals(Optional.of(ReasonCode.NOT_ENCRYPTED), clear.reason(), clear.toString());
            assertTrue(gateway.status(ref).confirmedOrganisations().isEmpty(), "nobody confirmed");
        }
    }
}
