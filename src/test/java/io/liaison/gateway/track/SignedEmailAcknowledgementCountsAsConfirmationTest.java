package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbound intake's signed acknowledgement goes through the Acknowledgements port: it confirms and stops escalation. */
class SignedEmailAcknowledgementCountsAsConfirmationTest {
    @TempDir
    Path work;

    @Test
    void signedAcknowledgementConfirmsTheOrganisationAndItIsNotEscalated() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);

            InboundOutcome ack = gateway.receive(InboundMail.pgpMime(
                    new InboundMail.Envelope("soc@east-power.sample.invalid", h.clock.instant(), "<ack-1@east-power.sample.invalid>"),
                    InboundMail.signedForGateway(InboundMail.inner(InboundMail.ack(ref)), InboundMail.pocKey("east-power-soc"),
                            h.clock.instant())));

            assertEquals(InboundStatus.ACCEPTED, ack.status(), ack.toString());
            Confirmation c = gateway.status(ref).confirmedOrganisations().get("east-power");
            assertEquals(ConfirmationChannel.SIGNED_EMAIL, c.channel());
            assertEquals("east-power-soc", c.pocId().orElseThrow());

            h.clock.advance(Duration.ofMinutes(15));
            gateway.escalator().runDue();
            StatusReport r = gateway.status(ref);
            Set<String> escalated = r.escalations().stream().map(EscalationRecord::organisationId).collect(Collectors.toSet());
            assertEquals(Set.of("power-ceptoar", "meti"), escalated);
            assertTrue(r.render(gateway.zone()).contains("confirmed by east-power-soc via signed-email"));
        }
    }
}
