package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * S/MIME replies go through the same intake as PGP/MIME ones: decrypted with the gateway's S/MIME key,
 * the signer found among the certificates the directory registers (never among those the message
 * carries), then the same From, replay and content rules.
 */
class SmimeReplyIsVerifiedAgainstTheRegisteredCertificateTest {

    @Test
    void acknowledgementSignedDetachedAndAuthEnvelopedIsRecordedForTheSigningPoc() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("mic"));
            InboundOutcome outcome = f.intake.receiveRaw(InboundSmime.reply(
                    new InboundMail.Envelope(InboundSmime.MIC, f.clock.instant(), "<ack-1@mic.sample.invalid>"),
                    InboundMail.inner(InboundMail.ack(ref)), InboundSmime.pocSigner("mic-liaison"), f.clock.instant()));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            List<AcknowledgementRecord> acks = f.inbound.acknowledgements(ref);
            assertEquals(1, acks.size());
            assertEquals("mic-liaison", acks.get(0).pocId());
            assertEquals("mic", acks.get(0).organisationId());
        }
    }

    @Test
    void opaqueSignedDataInCbcEnvelopedDataIsAcceptedToo() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("fsa"));
            byte[] signed = InboundSmime.signedOpaque(InboundMail.inner(InboundMail.ack(ref)), InboundSmime.pocSigner("fsa-liaison"),
                    f.clock.instant());
            InboundOutcome outcome = f.intake.receiveRaw(InboundSmime.envelopedMail(
                    new InboundMail.Envelope(InboundSmime.FSA, f.clock.instant(), "<ack-1@fsa.sample.invalid>"),
                    InboundSmime.forGateway(signed, false), false));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            assertEquals("fsa-liaison", f.inbound.acknowledgements(ref).get(0).pocId());
        }
    }

    @Test
    void aReplayedSmimeMessageIsQuarantinedAsAReplay() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("mic"));
            byte[] signed = InboundSmime.signedDetached(InboundMail.inner(InboundMail.ack(ref)), InboundSmime.pocSigner("mic-liaison"),
                    f.clock.instant());
            InboundOutcome first = f.intake.receiveRaw(InboundSmime.envelopedMail(
                    new InboundMail.Envelope(InboundSmime.MIC, f.clock.instant(), "<first@mic.sample.invalid>"),
                    InboundSmime.forGateway(signed, true), true));
            f.clock.advance(Duration.ofMinutes(5));
            // The same signed entity in a fresh envelope under a fresh Message-ID: a copy someone kept.
            InboundOutcome again = f.intake.receiveRaw(InboundSmime.envelopedMail(
                    new InboundMail.Envelope(InboundSmime.MIC, f.clock.instant(), "<rewrapped@mic.sample.invalid>"),
                    InboundSmime.forGateway(signed, true), true));

            assertEquals(InboundStatus.ACCEPTED, first.status(), first.toString());
            assertEquals(Optional.of(ReasonCode.REPLAY_MESSAGE_ID), again.reason(), again.toString());
            assertEquals(1, f.inbound.acknowledgements(ref).size());
        }
    }

    @Test
    void aSignatureDatedAfterTheRegisteredCertificateExpiredIsRefusedAsExpired() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("mic"));
            InboundSmime.Signer mic = InboundSmime.pocSigner("mic-liaison");
            Instant afterExpiry = mic.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
            InboundOutcome outcome = f.intake.receiveRaw(InboundSmime.reply(
                    new InboundMail.Envelope(InboundSmime.MIC, f.clock.instant(), "<late@mic.sample.invalid>"),
                    InboundMail.inner(InboundMail.ack(ref)), mic, afterExpiry));

            assertEquals(Optional.of(ReasonCode.SIGNER_KEY_EXPIRED), outcome.reason(), outcome.toString());
        }
    }

    @Test
    void aSignatureByALookAlikeOfTheRegisteredCertificateCountsForNothing() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("mic"));
            InboundSmime.Signer forged = InboundSmime.lookAlike(InboundSmime.pocSigner("mic-liaison").certificate());
            InboundOutcome outcome = f.intake.receiveRaw(InboundSmime.reply(
                    new InboundMail.Envelope(InboundSmime.MIC, f.clock.instant(), "<forged@mic.sample.invalid>"),
                    InboundMail.inner(InboundMail.ack(ref)), forged, f.clock.instant()));

            assertEquals(Optional.of(ReasonCode.SIGNATURE_INVALID), outcome.reason(), outcome.toString());
            assertTrue(f.inbound.acknowledgements(ref).isEmpty());
            assertEquals(1, f.noticesOfKind(NoticeKind.QUARANTINE_NOTICE).size(), "the registered MIC liaison is told");
        }
    }
}
