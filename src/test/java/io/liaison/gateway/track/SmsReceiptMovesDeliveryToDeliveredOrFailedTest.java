package io.liaison.gateway.track;

import static io.liaison.gateway.track.TrackingFixture.WAIT;
import static io.liaison.gateway.track.TrackingFixture.email;
import static io.liaison.gateway.track.TrackingFixture.sms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.peers.InProcessSmsc.ReceiptOutcome;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMSC's delivery receipts, one per part of each concatenated SMS, move the SMS delivery on. */
class SmsReceiptMovesDeliveryToDeliveredOrFailedTest {
    @TempDir
    Path work;

    @Test
    void delivrdReceiptsMoveEverySmsToDelivered() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            h.smsc.sendDeliveryReceipts(true);
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();

            StatusReport r = Await.until(() -> gateway.status(ref), s -> sms(s).stream().allMatch(d -> d.state() == DeliveryState.DELIVERED)
                    && email(s).stream().allMatch(d -> d.state() == DeliveryState.SENT), WAIT, "SMS delivered, e-mail sent");

            assertEquals(3, sms(r).size());
            assertTrue(sms(r).stream().allMatch(d -> d.serverId().orElse("").contains(",")), "concatenated: " + sms(r));
            String table = r.render(gateway.zone());
            assertTrue(table.contains("  delivered  "), table);
            assertTrue(table.contains("3 delivered"), table);
            assertTrue(r.settled());
        }
    }

    @Test
    void undeliverableReceiptsFailTheSmsWithTheSmscReasonAndLeaveEmailAlone() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            h.smsc.sendDeliveryReceipts(new ReceiptOutcome(DeliveryReceiptState.UNDELIV, "001"));
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();

            StatusReport r = Await.until(() -> gateway.status(ref), s -> s.settled()
                    && sms(s).stream().allMatch(d -> d.state() == DeliveryState.FAILED), WAIT, "SMS failed by receipt");

            for (Delivery d : sms(r)) {
                assertTrue(d.lastError().orElse("").contains("UNDELIV (error 001)"), d.toString());
            }
            assertTrue(email(r).stream().allMatch(d -> d.state() == DeliveryState.SENT), "e-mail unaffected: " + email(r));
            String table = r.render(gateway.zone());
            assertTrue(table.contains("failed") && table.contains("SMSC receipt: not delivered: UNDELIV (error 001)"), table);
        }
    }
}
