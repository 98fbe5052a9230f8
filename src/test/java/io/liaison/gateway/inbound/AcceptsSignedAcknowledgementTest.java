package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcceptsSignedAcknowledgementTest {

    @Test
    void acknowledgementIsRecordedOnceAndLaterOnesAreKeptButChangeNothing() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power", "west-power"));
            var east = InboundMail.pocKey("east-power-soc");

            InboundOutcome first = f.intake.receiveRaw(InboundMail.pgpMime(
                    new InboundMail.Envelope("East SOC <soc@east-power.sample.invalid>", f.clock.instant(), "<ack-1@east-power.sample.invalid>"),
                    InboundMail.signedForGateway(InboundMail.inner(InboundMail.ack(ref)), east, f.clock.instant())));
            f.clock.advance(Duration.ofMinutes(3));
            InboundOutcome again = f.intake.receiveRaw(InboundMail.pgpMime(
                    new InboundMail.Envelope("soc@east-power.sample.invalid", f.clock.instant(), "<ack-2@east-power.sample.invalid>"),
                    InboundMail.signedForGateway(InboundMail.inner(InboundMail.ack(ref) + "# resent\n"), east, f.clock.instant())));

            assertEquals(InboundStatus.ACCEPTED, first.status(), first.toString());
            assertEquals(InboundStatus.ACCEPTED, again.status(), again.toString());
            var records = f.inbound.acknowledgements(ref);
            assertEquals(2, records.size(), "both kept as evidence");
            assertEquals(first.inboundId(), records.get(0).inboundId(), "the first one is first");
            assertEquals(java.util.Set.of("east-power"),
                    records.stream().map(r -> r.organisationId()).collect(java.util.stream.Collectors.toSet()));
            assertTrue(f.noticesOfKind(NoticeKind.QUARANTINE_NOTICE).isEmpty());
        }
    }

    @Test
    void theSameBytesFetchedTwiceAreOneMessage() throws Exception {
        try (IntakeFixture f = IntakeFixture.onSampleDirectory()) {
            String ref = f.noticeSentTo(List.of("east-power"));
            byte[] mail = InboundMail.pgpMime(
                    new InboundMail.Envelope("soc@east-power.sample.invalid", f.clock.instant(), "<ack-1@east-power.sample.invalid>"),
                    InboundMail.signedForGateway(InboundMail.inner(InboundMail.ack(ref)), InboundMail.pocKey("east-power-soc"),
                            f.clock.instant()));
            InboundOutcome first = f.intake.receiveRaw(mail);
            InboundOutcome second = f.intake.receiveRaw(mail);

            assertFalse(first.duplicate());
            assertTrue(second.duplicate());
            assertEquals(first.inboundId(), second.inboundId());
            assertEquals(Optional.empty(), second.reason(), "not a replay: the very same fetch");
            assertEquals(1, f.inbound.acknowledgements(ref).size());
            assertEquals(2, f.inbound.find(first.inboundId()).orElseThrow().timesSeen());
        }
    }
}
