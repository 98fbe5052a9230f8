package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsGoesOutWhileSmtpIsDownAndEmailIsRetriedTest {
    @TempDir
    Path work;

    @Test
    void smsIsDeliveredAndEmailWaitsForTheServerToComeBack() throws Exception {
        try (GatewayHarness h = GatewayHarness.withMailDown(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            StatusReport down = Await.until(() -> gateway.status(ref), r -> r.deliveries().stream().allMatch(d ->
                    d.channel() == ChannelKind.SMS ? d.state() == DeliveryState.SENT
                            : d.state() == DeliveryState.PENDING && d.attempts() >= 1), Duration.ofSeconds(30),
                    "SMS sent and e-mail attempted");
            List<Delivery> sms = of(down, ChannelKind.SMS);
            List<Delivery> email = of(down, ChannelKind.EMAIL);
            assertEquals(3, sms.size());
            assertTrue(sms.stream().allMatch(d -> d.state() == DeliveryState.SENT), "SMS not held up by SMTP: " + sms);
            assertEquals(3, h.smsc.awaitCount(3, Duration.ofSeconds(10)).size());
            assertTrue(email.stream().allMatch(d -> d.state() == DeliveryState.PENDING && d.attempts() >= 1
                    && d.lastError().orElse("").contains("SMTP server 127.0.0.1:" + h.smtpPort)), email.toString());
            assertTrue(email.stream().allMatch(d -> d.nextAttemptAt().orElseThrow().isAfter(h.clock.instant())),
                    "retry waits for its back-off");
            assertEquals(java.util.Map.of(DeliveryState.SENT, 3L, DeliveryState.PENDING, 3L),
                    gateway.store().deliveryCounts(ref), "the store counts the states the status shows");

            h.startMail();
            h.clock.advance(Duration.ofMinutes(1));
            StatusReport up = gateway.awaitSettled(ref, Duration.ofSeconds(30));

            assertTrue(of(up, ChannelKind.EMAIL).stream().allMatch(d -> d.state() == DeliveryState.SENT), up.render(gateway.zone()));
            assertEquals(3, h.mail().getReceivedMessages().length);
            assertEquals(3, h.smsc.received().size(), "no SMS sent twice");
        }
    }

    private static List<Delivery> of(StatusReport r, ChannelKind kind) {
        return r.deliveries().stream().filter(d -> d.channel() == kind).toList();
    }
}
