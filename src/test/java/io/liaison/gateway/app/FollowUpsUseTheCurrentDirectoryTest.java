package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredRefusal;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.ConfirmationChannel;
import io.liaison.gateway.track.EscalationRecord;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates, cancellations and reminders go to each point of contact as the directory registers it when
 * they are sent, not to the address or number stored with the original delivery; a contact the directory
 * no longer holds is refused with the reason, never written to at its old address.
 *
 * <p>Between the original and the follow-up the gateway restarts on an edited directory: the power
 * CEPTOAR duty desk's mobile number changed, and East Power's SOC desk was removed.
 */
class FollowUpsUseTheCurrentDirectoryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OLD_NUMBER = "+819000000021";
    private static final String NEW_NUMBER = "+819000000029";

    @TempDir
    Path work;

    @Test
    void anUpdateGoesToTheContactsCurrentNumberAndNotToARemovedContact() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            String ref;
            try (Gateway before = start(h, sample())) {
                ref = before.send(Notices.earlyWarning()).reference();
                before.awaitSettled(ref, WAIT);
            }
            try (Gateway after = start(h, edited())) {
                String update = after.send(Notices.of("update.yaml", """
                        kind: update
                        references: %s
                        level: TLP:AMBER
                        from: nisc-duty
                        title: 訂正 / Correction
                        body: The domain to block is power-update.example.net.
                        """.formatted(ref))).reference();
                StatusReport s = after.awaitSettled(update, WAIT);

                Delivery sms = only(s.deliveries(), "power-ceptoar-duty", ChannelKind.SMS);
                assertEquals(NEW_NUMBER, sms.address(), s.render(after.zone()));
                assertTrue(h.smsc.received().stream().anyMatch(m -> m.destination().equals(NEW_NUMBER) && m.text().contains(update)));
                assertTrue(h.smsc.received().stream().noneMatch(m -> m.destination().equals(OLD_NUMBER) && m.text().contains(update)),
                        "nothing to the number the directory no longer holds");
                assertTrue(s.deliveries().stream().noneMatch(d -> d.pocId().equals("east-power-soc")), s.render(after.zone()));
                StoredRefusal gone = s.refusals().stream().filter(r -> r.pocId().equals(Optional.of("east-power-soc"))).findFirst()
                        .orElseThrow(() -> new AssertionError("east-power-soc not refused: " + s.refusals()));
                assertTrue(gone.reason().contains("no longer in the directory"), gone.reason());
                assertTrue(h.smsc.received().stream().noneMatch(m -> m.destination().equals("+819000000051") && m.text().contains(update)));
            }
        }
    }

    @Test
    void aReminderGoesToTheCurrentNumberAndARemovedContactGetsNone() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            String ref;
            try (Gateway before = start(h, sample())) {
                ref = before.send(Notices.earlyWarning()).reference();
                before.awaitSettled(ref, WAIT);
                before.acknowledgements().acknowledge(ref, "meti-liaison", ConfirmationChannel.CLI, h.clock.instant());
            }
            try (Gateway after = start(h, edited())) {
                h.clock.advance(Duration.ofMinutes(15));
                after.escalator().runDue();
                StatusReport s = Await.until(() -> statusOf(after, ref), r -> r.escalations().size() == 2 && r.settled(), WAIT,
                        "both reminders taken and sent");

                List<Delivery> reminders = s.deliveries().stream().filter(d -> d.role() == DeliveryRole.REMINDER).toList();
                assertEquals(NEW_NUMBER, only(reminders, "power-ceptoar-duty", ChannelKind.SMS).address(), s.render(after.zone()));
                assertTrue(h.smsc.received().stream().anyMatch(m -> m.destination().equals(NEW_NUMBER) && m.text().contains("再送 REMINDER")));
                assertTrue(h.smsc.received().stream().noneMatch(m -> m.destination().equals(OLD_NUMBER) && m.text().contains("再送 REMINDER")));
                assertTrue(reminders.stream().noneMatch(d -> d.organisationId().equals("east-power")), s.render(after.zone()));
                EscalationRecord east = s.escalations().stream().filter(e -> e.organisationId().equals("east-power")).findFirst().orElseThrow();
                assertTrue(east.detail().contains("east-power-soc is no longer in the directory"), east.detail());
            }
        }
    }

    private static StatusReport statusOf(Gateway g, String ref) {
        return g.status(ref);
    }

    private static Delivery only(List<Delivery> deliveries, String poc, ChannelKind channel) {
        List<Delivery> found = deliveries.stream().filter(d -> d.pocId().equals(poc) && d.channel() == channel).toList();
        assertEquals(1, found.size(), deliveries.toString());
        return found.get(0);
    }

    private Path sample() throws Exception {
        return EditedDirectory.ofSample(work.resolve("before")).write();
    }

    private Path edited() throws Exception {
        return EditedDirectory.ofSample(work.resolve("after"))
                .replace("      - sms: \"" + OLD_NUMBER + "\"\n", "      - sms: \"" + NEW_NUMBER + "\"\n")
                .replace("""
                          - id: east-power-soc
                            organisation: east-power
                            name: East Power SOC duty desk
                            role: soc
                            channels:
                              - email: soc@east-power.sample.invalid
                              - sms: "+819000000051"
                            openpgp_certificate: certs/east-power-soc.asc
                            people:
                              - id: nakamura
                                name: Nakamura Yui (East Power SOC)
                                role: soc
                                oidc: {issuer: "http://127.0.0.1:8089/demo", subject: nakamura}
                                email: nakamura@east-power.sample.invalid
                        """, "")
                .write();
    }

    private static Gateway start(GatewayHarness h, Path directory) throws Exception {
        Properties p = h.overrides();
        p.setProperty("gateway.directory", directory.toString());
        return Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start();
    }
}
