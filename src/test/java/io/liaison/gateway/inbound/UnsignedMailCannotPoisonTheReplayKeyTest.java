package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay key used to be recorded for every message, signed or not: anyone who could predict a genuine
 * acknowledgement (its Message-ID, or its content: a YAML ack is short) could send it first unsigned, and
 * the genuine one was then quarantined as a replay. Keys now count only from a message whose signature by
 * a registered signer verified, whose From belongs to that signer's organisation, and that was about to
 * be acted on; and they are scoped to that signer.
 */
class UnsignedMailCannotPoisonTheReplayKeyTest {
    private static final String EAST = "soc@east-power.sample.invalid";
    private static final String MESSAGE_ID = "<ack-predicted@east-power.sample.invalid>";

    private static byte[] genuine(IntakeFixture f, byte[] inner, String messageId) {
        return InboundMail.pgpMime(new InboundMail.Envelope(EAST, f.clock.instant(), messageId),
                InboundMail.signedForGateway(inner, InboundMail.pocKey("east-power-soc"), f.clock.instant()));
    }

    @Test
    void anUnsignedEncryptedCopyOfThePredictedAcknowledgementDoesNotMakeTheGenuineOneAReplay() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            byte[] inner = InboundMail.inner(InboundMail.ack(f.noticeSentTo(List.of("east-power"))));
            InboundOutcome forged = f.intake.receiveRaw(InboundMail.pgpMime(new InboundMail.Envelope(EAST, f.clock.instant(), MESSAGE_ID),
                    InboundMail.encrypt(InboundMail.unsignedPackets(inner), List.of(InboundMail.gatewayCertificate()), f.clock.instant())));
            f.clock.advance(Duration.ofMinutes(1));

            InboundOutcome real = f.intake.receiveRaw(genuine(f, inner, MESSAGE_ID));

            assertEquals(Optional.of(ReasonCode.UNSIGNED), forged.reason());
            assertEquals(InboundStatus.ACCEPTED, real.status(), real.toString());
        }
    }

    @Test
    void aPlainTextMailWithThePredictedMessageIdDoesNotMakeTheGenuineOneAReplay() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            f.intake.receiveRaw(InboundMail.simple(new InboundMail.Envelope(EAST, f.clock.instant(), MESSAGE_ID), "text/plain", "x"));

            InboundOutcome real = f.intake.receiveRaw(genuine(f, InboundMail.inner(InboundMail.ack(ref)), MESSAGE_ID));

            assertEquals(InboundStatus.ACCEPTED, real.status(), real.toString());
        }
    }

    @Test
    void anotherOrganisationsSignerCannotUseUpTheMessageIdOfThisOne() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power", "west-power"));
            OpenPgpGatewayKey west = InboundMail.pocKey("west-power-soc");
            InboundOutcome other = f.intake.receiveRaw(InboundMail.pgpMime(
                    new InboundMail.Envelope("soc@west-power.sample.invalid", f.clock.instant(), MESSAGE_ID),
                    InboundMail.signedForGateway(InboundMail.inner(InboundMail.ack(ref)), west, f.clock.instant())));

            InboundOutcome real = f.intake.receiveRaw(genuine(f, InboundMail.inner(InboundMail.ack(ref)), MESSAGE_ID));

            assertEquals(InboundStatus.ACCEPTED, other.status(), other.toString());
            assertEquals(InboundStatus.ACCEPTED, real.status(), real.toString());
        }
    }

    @Test
    void aCapturedGenuineMessageSentFirstUnderAnotherFromDoesNotMakeTheGenuineOneAReplay() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            byte[] armored = InboundMail.signedForGateway(InboundMail.inner(InboundMail.ack(ref)), InboundMail.pocKey("east-power-soc"),
                    f.clock.instant()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            String payload = new String(armored, java.nio.charset.StandardCharsets.US_ASCII);
            InboundOutcome rerouted = f.intake.receiveRaw(InboundMail.pgpMime(
                    new InboundMail.Envelope("soc@telecom-a.sample.invalid", f.clock.instant(), MESSAGE_ID), payload));

            InboundOutcome real = f.intake.receiveRaw(InboundMail.pgpMime(new InboundMail.Envelope(EAST, f.clock.instant(), MESSAGE_ID),
                    payload));

            assertEquals(Optional.of(ReasonCode.FROM_SIGNER_MISMATCH), rerouted.reason());
            assertEquals(InboundStatus.ACCEPTED, real.status(), real.toString());
        }
    }

    @Test
    void aVerifiedMessageStillCannotBeReplayedByMessageIdOrByContentEvenAfterARestart(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("gateway").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        MutableClock clock = MutableClock.sampleDay();
        Path directory = InboundMail.SAMPLE.resolve("directory.yaml");
        byte[] inner;
        try (IntakeFixture before = new IntakeFixture(directory, InboundSettings.defaults(), clock, IntakeFixture.NOTICES_UNLIMITED,
                io.liaison.gateway.testing.TestDatabase.orH2(url).open())) {
            inner = InboundMail.inner(InboundMail.ack(before.noticeSentTo(List.of("east-power"))));
            assertEquals(InboundStatus.ACCEPTED, before.intake.receiveRaw(genuine(before, inner, MESSAGE_ID)).status());
        }
        clock.advance(Duration.ofMinutes(5));
        try (IntakeFixture after = new IntakeFixture(directory, InboundSettings.defaults(), clock, IntakeFixture.NOTICES_UNLIMITED,
                io.liaison.gateway.testing.TestDatabase.orH2(url).open())) {
            InboundOutcome sameId = after.intake.receiveRaw(genuine(after, InboundMail.inner(InboundMail.ack(
                    after.notices.notices().get(0).reference()) + "# other text\n"), MESSAGE_ID));
            InboundOutcome sameContent = after.intake.receiveRaw(genuine(after, inner, "<another-id@east-power.sample.invalid>"));

            assertEquals(Optional.of(ReasonCode.REPLAY_MESSAGE_ID), sameId.reason(), sameId.toString());
            assertEquals(Optional.of(ReasonCode.REPLAY_MESSAGE_ID), sameContent.reason(), sameContent.toString());
            assertEquals(1, after.inbound.acknowledgements(after.notices.notices().get(0).reference()).size());
        }
    }
}
