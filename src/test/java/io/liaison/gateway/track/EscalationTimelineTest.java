package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.GATEWAY_SENDER;
import static io.liaison.gateway.track.TrackingFixture.NISC_DUTY;
import static io.liaison.gateway.track.TrackingFixture.POWER_DEPUTY;
import static io.liaison.gateway.track.TrackingFixture.POWER_DUTY;
import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An urgent notice's confirmation deadline (15 min), then a step every 10 min: reminder on both channels,
 * the organisation's standby contact, the duty officer. The clock is moved, nothing sleeps to make time pass.
 */
class EscalationTimelineTest {
    @TempDir
    Path work;

    @Test
    void silentRecipientGetsReminderThenStandbyThenDutyOfficerEachRecordedWithItsTime() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            String dutyCode = TrackingFixture.codeSentTo(h.smsc, POWER_DUTY, ref);
            gateway.acknowledgements().acknowledge(ref, "east-power-soc", ConfirmationChannel.CLI, h.clock.instant());
            gateway.acknowledgements().acknowledge(ref, "meti-liaison", ConfirmationChannel.CLI, h.clock.instant());
            Instant sent = h.clock.instant();

            h.clock.advance(Duration.ofMinutes(14));
            gateway.escalator().runDue();
            assertTrue(gateway.status(ref).escalations().isEmpty(), "before the deadline nothing happens");

            h.clock.advance(Duration.ofMinutes(1));
            StatusReport one = stepsTaken(gateway, ref, 1);
            EscalationRecord resend = one.escalations().get(0);
            assertEquals(EscalationAction.RESEND, resend.action());
            assertEquals("power-ceptoar", resend.organisationId());
            assertEquals(sent.plus(Duration.ofMinutes(15)), resend.at());
            assertEquals(Set.of("power-ceptoar-duty/EMAIL", "power-ceptoar-duty/SMS"), sentWith(gateway, ref, DeliveryRole.REMINDER));
            String reminder = TrackingFixture.lastSmsTo(h.smsc, POWER_DUTY, "再送 REMINDER");
            assertTrue(reminder.startsWith("DEMO / デモ TLP:AMBER " + ref + " 再送 REMINDER"), reminder);
            assertTrue(reminder.contains("reply " + dutyCode + " to confirm"), "the reminder carries the same code: " + reminder);

            h.clock.advance(Duration.ofMinutes(10));
            StatusReport two = stepsTaken(gateway, ref, 2);
            assertEquals(EscalationAction.STANDBY, two.escalations().get(1).action());
            assertEquals(Set.of("power-ceptoar-deputy/EMAIL", "power-ceptoar-deputy/SMS"), sentWith(gateway, ref, DeliveryRole.ESCALATION));
            String deputyCode = TrackingFixture.codeSentTo(h.smsc, POWER_DEPUTY, ref);
            assertNotEquals(dutyCode, deputyCode, "a code per point of contact");

            h.clock.advance(Duration.ofMinutes(10));
            StatusReport three = stepsTaken(gateway, ref, 3);
            assertEquals(EscalationAction.DUTY_OFFICER, three.escalations().get(2).action());
            assertEquals(Set.of("nisc-duty/EMAIL", "nisc-duty/SMS"), sentWith(gateway, ref, DeliveryRole.DUTY_ALERT));
            String alert = TrackingFixture.lastSmsTo(h.smsc, NISC_DUTY, "未確認 UNCONFIRMED");
            assertTrue(alert.contains("power-ceptoar has not confirmed since 06-01 10:00; steps: resend 06-01 10:15, standby 06-01 10:25"),
                    alert);
            assertTrue(!alert.contains("reply "), "the duty officer has nothing to confirm: " + alert);

            h.clock.advance(Duration.ofMinutes(30));
            gateway.escalator().runDue();
            StatusReport done = gateway.awaitSettled(ref, WAIT);
            assertEquals(3, done.escalations().size(), "steps run once (repeat 0)");
            EscalationWatch watch = watchOf(done, "power-ceptoar");
            assertEquals(EscalationWatch.State.EXHAUSTED, watch.state());
            assertTrue(done.escalations().stream().allMatch(e -> e.organisationId().equals("power-ceptoar")), "confirmed ones are left alone");
            String table = done.render(gateway.zone());
            assertTrue(table.contains("2026-06-01 10:15:00 JST  power-ceptoar  step 1/3 resend: reminder resent to power-ceptoar-duty (email, sms)"), table);
            assertTrue(table.contains("2026-06-01 10:25:00 JST  power-ceptoar  step 2/3 standby: escalated to standby power-ceptoar-deputy (email, sms)"), table);
            assertTrue(table.contains("2026-06-01 10:35:00 JST  power-ceptoar  step 3/3 duty-officer: duty officer alerted: nisc-duty (email, sms)"), table);
            assertTrue(table.contains("alert by gateway (nisc) -> nisc"), table);
            assertTrue(table.contains("power-ceptoar  NOT CONFIRMED; every escalation step taken (3)"), table);
        }
    }

    @Test
    void confirmationByTheStandbyContactBetweenStepsStopsTheEscalation() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);

            h.clock.advance(Duration.ofMinutes(15));
            stepsTaken(gateway, ref, 3); // step 1 for each of the three silent organisations
            h.clock.advance(Duration.ofMinutes(10));
            StatusReport standby = stepsTaken(gateway, ref, 6);
            assertEquals(3, standby.escalations().stream().filter(e -> e.action() == EscalationAction.STANDBY).count());
            assertTrue(standby.escalations().stream().filter(e -> e.organisationId().equals("east-power")).anyMatch(e ->
                    e.detail().contains("no standby point of contact for east-power")), "recorded even when nobody is there");

            String deputyCode = TrackingFixture.codeSentTo(h.smsc, POWER_DEPUTY, ref);
            h.smsc.injectReply(POWER_DEPUTY, GATEWAY_SENDER, deputyCode);
            Await.until(() -> gateway.status(ref), r -> r.confirmedOrganisations().containsKey("power-ceptoar"), WAIT,
                    "the deputy's confirmation counts for its organisation");

            h.clock.advance(Duration.ofMinutes(10));
            StatusReport after = stepsTaken(gateway, ref, 8);
            gateway.escalator().runDue();
            List<EscalationRecord> power = after.escalations().stream().filter(e -> e.organisationId().equals("power-ceptoar")).toList();
            assertEquals(List.of(EscalationAction.RESEND, EscalationAction.STANDBY), power.stream().map(EscalationRecord::action).toList());
            assertEquals(EscalationWatch.State.CONFIRMED, watchOf(gateway.status(ref), "power-ceptoar").state());
            assertEquals(8, gateway.status(ref).escalations().size(), "the others went on to the duty officer, power-ceptoar did not");
            String table = gateway.status(ref).render(gateway.zone());
            assertTrue(table.contains("power-ceptoar  confirmed by power-ceptoar-deputy via sms-reply at 2026-06-01 10:25:00 JST"), table);
        }
    }

    @Test
    void cancelledNoticeIsNoLongerChasedAndTheCancellationAsksNoConfirmation() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            h.clock.advance(Duration.ofMinutes(15));
            stepsTaken(gateway, ref, 3);

            String cancel = gateway.send(Notices.of("cancel.yaml", Files.readString(Path.of("keys-sample/notices/cancel-early-warning.yaml"))
                    .replace("NISC-EW-2026-00001", ref))).reference();
            gateway.awaitSettled(cancel, WAIT);
            h.clock.advance(Duration.ofMinutes(10));
            gateway.escalator().runDue();
            gateway.escalator().runDue();

            StatusReport r = gateway.status(ref);
            assertEquals(3, r.escalations().size(), "no step after the cancellation");
            assertTrue(r.watches().stream().allMatch(w -> w.state() == EscalationWatch.State.WITHDRAWN), r.watches().toString());
            assertTrue(r.render(gateway.zone()).contains("no longer chased: the notice was updated or cancelled"));
            assertTrue(gateway.status(cancel).watches().isEmpty(), "nobody is chased to confirm a cancellation");
            assertTrue(!TrackingFixture.lastSmsTo(h.smsc, POWER_DUTY, cancel).contains("reply "), "no code in the cancellation");
        }
    }

    private static StatusReport stepsTaken(Gateway gateway, String ref, int count) {
        gateway.escalator().runDue();
        return Await.until(() -> gateway.status(ref), r -> r.escalations().size() >= count, WAIT, count + " escalation steps");
    }

    private static Set<String> sentWith(Gateway gateway, String ref, DeliveryRole role) throws InterruptedException {
        StatusReport r = gateway.awaitSettled(ref, WAIT);
        List<Delivery> of = r.deliveries().stream().filter(d -> d.role() == role).toList();
        assertTrue(of.stream().allMatch(d -> d.state() == DeliveryState.SENT), r.render(gateway.zone()));
        return of.stream().map(d -> d.pocId() + "/" + d.channel().name()).collect(Collectors.toSet());
    }

    private static EscalationWatch watchOf(StatusReport r, String org) {
        return r.watches().stream().filter(w -> w.organisationId().equals(org)).findFirst().orElseThrow();
    }
}
