package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.EAST_SOC;
import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static io.liaison.gateway.track.TrackingFixture.email;
import static io.liaison.gateway.track.TrackingFixture.sms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.peers.InProcessSmsc.SubmitVerdict;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMS channel's own queue and retries: an SMSC outage, throttling and a rejection never touch e-mail. */
class SmsSurvivesSmscOutageThrottlingAndRejectionTest {
    @TempDir
    Path work;

    @Test
    void smsIsRetriedAndDeliveredAfterTheSmscReturnsWhileEmailIsUnaffected() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            h.smsc.sendDeliveryReceipts(true);
            h.smsc.stop();
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();

            StatusReport down = Await.until(() -> gateway.status(ref), s -> email(s).stream().allMatch(d -> d.state() == DeliveryState.SENT)
                    && sms(s).stream().allMatch(d -> d.state() == DeliveryState.PENDING && d.attempts() >= 1),
                    WAIT, "e-mail sent, SMS waiting for the SMSC");
            for (Delivery d : sms(down)) {
                assertTrue(d.lastError().orElse("").contains("SMSC " + h.smsc.endpoint()), d.toString());
                assertTrue(d.nextAttemptAt().orElseThrow().isAfter(h.clock.instant()), "waits for its back-off");
            }
            assertEquals(3, h.mail().getReceivedMessages().length, "e-mail not held up by the SMSC");
            assertTrue(down.render(gateway.zone()).contains("queued"), down.render(gateway.zone()));

            h.smsc.start();
            h.clock.advance(Duration.ofMinutes(1));
            StatusReport up = Await.until(() -> gateway.status(ref),
                    s -> sms(s).stream().allMatch(d -> d.state() == DeliveryState.DELIVERED), WAIT, "SMS delivered after the outage");

            assertEquals(3, sms(up).size());
            assertEquals(3, h.smsc.received().size(), "each SMS sent once");
            assertEquals(3, new HashSet<>(h.smsc.received().stream().map(s -> s.destination()).toList()).size());
        }
    }

    @Test
    void throttledSubmissionsBackOffAndAreSentLaterNotFailed() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            h.smsc.answerSubmits(a -> a.number() <= 2 ? SubmitVerdict.throttled() : SubmitVerdict.ACCEPT);
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();

            StatusReport throttled = Await.until(() -> gateway.status(ref), s -> sms(s).stream().noneMatch(d -> d.state() == DeliveryState.SENDING)
                    && sms(s).stream().allMatch(d -> d.attempts() >= 1), WAIT, "every SMS tried once");
            List<Delivery> waiting = sms(throttled).stream().filter(d -> d.state() == DeliveryState.PENDING).toList();
            assertEquals(2, waiting.size(), throttled.render(gateway.zone()));
            for (Delivery d : waiting) {
                assertTrue(d.lastError().orElse("").contains("throttled by SMSC") && d.lastError().get().contains("ESME_RTHROTTLED"), d.toString());
                assertTrue(d.nextAttemptAt().orElseThrow().isAfter(h.clock.instant()), "backs off: " + d);
            }
            assertTrue(sms(throttled).stream().noneMatch(d -> d.state() == DeliveryState.FAILED));

            h.clock.advance(Duration.ofMinutes(1));
            StatusReport later = gateway.awaitSettled(ref, WAIT);
            assertTrue(sms(later).stream().allMatch(d -> d.state() == DeliveryState.SENT), later.render(gateway.zone()));
            assertEquals(3, h.smsc.received().size());
        }
    }

    @Test
    void permanentRejectionFailsThatSmsWithTheSmscReasonAndNothingElse() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            h.smsc.answerSubmits(a -> a.destination().equals(EAST_SOC)
                    ? SubmitVerdict.reject(SMPPConstant.STAT_ESME_RINVDSTADR) : SubmitVerdict.ACCEPT);
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();

            StatusReport r = gateway.awaitSettled(ref, WAIT);

            Delivery rejected = sms(r).stream().filter(d -> d.address().equals(EAST_SOC)).findFirst().orElseThrow();
            assertEquals(DeliveryState.FAILED, rejected.state());
            assertEquals(1, rejected.attempts(), "a permanent refusal is not retried");
            assertTrue(rejected.lastError().orElse("").contains("rejected submit_sm: ESME_RINVDSTADR"), rejected.toString());
            assertTrue(sms(r).stream().filter(d -> d != rejected).allMatch(d -> d.state() == DeliveryState.SENT));
            assertTrue(email(r).stream().allMatch(d -> d.state() == DeliveryState.SENT), "e-mail to the same recipient still goes");
            assertTrue(r.render(gateway.zone()).contains("ESME_RINVDSTADR"));
        }
    }
}
