package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reminder is a delivery like any other: it goes only if the hop that reached the organisation still
 * carries the notice's level on the day it is sent. Here NISC's agreement with the power CEPTOAR ends on
 * 2026-06-01; the early warning goes at 23:50 that day (Tokyo), the reminder would go at 00:05 the next.
 */
class RemindersKeepTheAgreementGateTest {
    @TempDir
    Path work;

    @Test
    void noReminderGoesOnceTheAgreementOfTheHopThatReachedTheRecipientHasEnded() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Path directory = EditedDirectory.ofSample(work.resolve("directory"))
                    .replace("ref: HA-NISC-POWERCEPTOAR-2025\n    provider: nisc\n    recipient: power-ceptoar\n    highest_level: TLP:AMBER\n"
                                    + "    valid_from: 2025-04-01\n    valid_until: 2027-03-31\n",
                            "ref: HA-NISC-POWERCEPTOAR-2025\n    provider: nisc\n    recipient: power-ceptoar\n    highest_level: TLP:AMBER\n"
                                    + "    valid_from: 2025-04-01\n    valid_until: 2026-06-01\n")
                    .write();
            h.clock.advance(Duration.ofHours(13).plusMinutes(50)); // 2026-06-01 23:50 JST
            try (Gateway gateway = TrackingFixture.gateway(h, Map.of("gateway.directory", directory.toString()))) {
                String ref = gateway.send(Notices.earlyWarning()).reference();
                StatusReport sent = gateway.awaitSettled(ref, WAIT);
                assertTrue(sent.deliveries().stream().anyMatch(d -> d.organisationId().equals("power-ceptoar")), "reached while valid");
                gateway.acknowledgements().acknowledge(ref, "meti-liaison", ConfirmationChannel.CLI, h.clock.instant());
                gateway.acknowledgements().acknowledge(ref, "east-power-soc", ConfirmationChannel.CLI, h.clock.instant());

                h.clock.advance(Duration.ofMinutes(15)); // 2026-06-02 00:05 JST
                gateway.escalator().runDue();
                StatusReport s = Await.until(() -> gateway.status(ref), r -> !r.escalations().isEmpty(), WAIT, "the first step");

                EscalationRecord step = s.escalations().get(0);
                assertEquals("power-ceptoar", step.organisationId());
                assertEquals(EscalationAction.RESEND, step.action());
                assertTrue(step.detail().contains("HA-NISC-POWERCEPTOAR-2025 with nisc expired on 2026-06-01"), step.detail());
                assertTrue(s.deliveries().stream().noneMatch(d -> d.role() == DeliveryRole.REMINDER), s.render(gateway.zone()));
                assertTrue(step.hopId().isEmpty(), "nothing sent, so no hop");
            }
        }
    }
}
