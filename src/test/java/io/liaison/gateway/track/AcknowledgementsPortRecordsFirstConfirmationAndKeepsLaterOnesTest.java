package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.EAST_SOC;
import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port the CLI and the signed-e-mail intake call: first confirmation counts, later ones are kept, bad ones refused. */
class AcknowledgementsPortRecordsFirstConfirmationAndKeepsLaterOnesTest {
    @TempDir
    Path work;

    @Test
    void firstConfirmationCountsLaterOnesAreKeptAndChangeNothing() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Acknowledgements acks = gateway.acknowledgements();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            Instant firstAt = h.clock.instant();

            ConfirmationOutcome first = acks.acknowledge(ref, "meti-liaison", ConfirmationChannel.CLI, firstAt, Optional.of("by phone"));
            h.clock.advance(Duration.ofMinutes(3));
            ConfirmationOutcome later = acks.acknowledge(ref, "meti-liaison", ConfirmationChannel.SIGNED_EMAIL, h.clock.instant());

            assertEquals(ConfirmationVerdict.CONFIRMED, first.verdict());
            assertEquals(ConfirmationVerdict.ALSO_CONFIRMED, later.verdict());
            assertEquals(Optional.of(firstAt), later.confirmedAt(), "the later one reports the first");
            StatusReport r = gateway.status(ref);
            Confirmation counted = r.confirmedOrganisations().get("meti");
            assertEquals(ConfirmationChannel.CLI, counted.channel());
            assertEquals(firstAt, counted.at());
            assertEquals(Optional.of("by phone"), counted.note());
            assertEquals(2, r.confirmations().size());
            String table = r.render(gateway.zone());
            assertTrue(table.contains("confirmed by meti-liaison via cli at 2026-06-01 10:00:00 JST (note: by phone)"), table);
            assertTrue(table.contains("also: meti-liaison (meti) via signed-email at 2026-06-01 10:03:00 JST - kept, changes nothing"), table);
        }
    }

    @Test
    void signedEmailMayQuoteTheReferenceOrTheSignersOwnCodeButNoOtherCode() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Acknowledgements acks = gateway.acknowledgements();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String eastCode = TrackingFixture.codeSentTo(h.smsc, EAST_SOC, ref);

            ConfirmationOutcome stolen = acks.acknowledge(eastCode, "power-ceptoar-duty", ConfirmationChannel.SIGNED_EMAIL, h.clock.instant());
            ConfirmationOutcome own = acks.acknowledge(eastCode, "east-power-soc", ConfirmationChannel.SIGNED_EMAIL, h.clock.instant());

            assertEquals(ConfirmationVerdict.CODE_NOT_FOR_SENDER, stolen.verdict());
            assertFalse(stolen.accepted());
            assertEquals(ConfirmationVerdict.CONFIRMED, own.verdict());
            StatusReport r = gateway.status(ref);
            assertEquals(ConfirmationChannel.SIGNED_EMAIL, r.confirmedOrganisations().get("east-power").channel());
            assertFalse(r.confirmedOrganisations().containsKey("power-ceptoar"));
        }
    }

    @Test
    void unknownContactUnknownNoticeAndNonRecipientAreRefusedAndRecordNothing() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Acknowledgements acks = gateway.acknowledgements();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            Instant now = h.clock.instant();

            assertEquals(ConfirmationVerdict.UNKNOWN_SENDER, acks.acknowledge(ref, "nobody", ConfirmationChannel.CLI, now).verdict());
            assertEquals(ConfirmationVerdict.UNKNOWN_NOTICE,
                    acks.acknowledge("NISC-EW-2026-09999", "meti-liaison", ConfirmationChannel.CLI, now).verdict());
            ConfirmationOutcome notSent = acks.acknowledge(ref, "west-power-soc", ConfirmationChannel.CLI, now);
            assertEquals(ConfirmationVerdict.NOT_A_RECIPIENT, notSent.verdict());
            assertTrue(notSent.message().contains("was not sent to west-power"), notSent.message());
            assertEquals(ConfirmationVerdict.NO_CODE, acks.acknowledge("?", "meti-liaison", ConfirmationChannel.CLI, now).verdict());

            StatusReport r = gateway.status(ref);
            assertTrue(r.confirmedOrganisations().isEmpty());
            assertTrue(r.confirmations().stream().noneMatch(c -> c.verdict().accepted()));
        }
    }
}
