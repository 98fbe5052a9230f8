package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static io.liaison.gateway.track.TrackingFixture.email;
import static io.liaison.gateway.track.TrackingFixture.sms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After N consecutive failures the SMS circuit opens: deliveries wait (not failed, not tried), and status says so. */
class SmsCircuitBreakerDefersDeliveriesWhileTheSmscIsDownTest {
    @TempDir
    Path work;

    @Test
    void openCircuitDefersSmsShowsInStatusAndClosesWhenTheSmscAnswers() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work);
             Gateway gateway = TrackingFixture.gateway(h, Map.of("gateway.breaker.sms.failure-threshold", "2",
                     "gateway.breaker.sms.cool-down", "2m"))) {
            h.smsc.stop();
            String ref = gateway.send(Notices.earlyWarning()).reference();

            StatusReport open = Await.until(() -> gateway.status(ref), s -> sms(s).stream().allMatch(d -> d.state() == DeliveryState.PENDING
                    && d.attempts() >= 1) && email(s).stream().allMatch(d -> d.state() == DeliveryState.SENT), WAIT, "SMS circuit open");
            List<Delivery> deferred = sms(open).stream().filter(d -> d.lastError().orElse("").startsWith("deferred: sms circuit open")).toList();
            assertEquals(1, deferred.size(), "two failures open the circuit, the third waits: " + sms(open));
            assertTrue(open.channels().stream().anyMatch(c -> c.channel() == ChannelKind.SMS && c.open()));
            String table = open.render(gateway.zone());
            assertTrue(table.contains("sms circuit OPEN until"), table);
            assertTrue(table.contains("email ok"), table);

            // While open, nothing is tried: not even the deliveries whose own back-off has passed.
            h.clock.advance(Duration.ofSeconds(30));
            List<Integer> attempts = sms(gateway.status(ref)).stream().map(Delivery::attempts).toList();
            gateway.dispatcher(ChannelKind.SMS).dispatchDue();
            assertEquals(attempts, sms(gateway.status(ref)).stream().map(Delivery::attempts).toList());
            assertTrue(sms(gateway.status(ref)).stream().noneMatch(d -> d.state() == DeliveryState.FAILED));

            h.smsc.start();
            h.clock.advance(Duration.ofMinutes(2));
            StatusReport closed = gateway.awaitSettled(ref, WAIT);
            assertTrue(sms(closed).stream().allMatch(d -> d.state() == DeliveryState.SENT), closed.render(gateway.zone()));
            assertTrue(closed.channels().stream().noneMatch(c -> c.open()));
            assertEquals(3, h.smsc.received().size());
        }
    }
}
