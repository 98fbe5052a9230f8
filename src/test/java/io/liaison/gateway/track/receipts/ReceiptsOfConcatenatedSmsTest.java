package io.liaison.gateway.track.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.track.receipts.ReceiptStore.StoredReceipt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Any part's DELIVRD means the handset has the message; it failed only when every part failed. */
class ReceiptsOfConcatenatedSmsTest {
    private static final List<String> PARTS = List.of("A1", "A2", "A3");

    private static StoredReceipt receipt(String id, String status, String error) {
        return new StoredReceipt(1, id, status, error, Optional.empty(), Instant.EPOCH);
    }

    @Test
    void onePartDeliveredIsDeliveredEvenIfOthersFailed() {
        ReceiptVerdict v = ReceiptVerdict.of(PARTS, List.of(receipt("A1", "UNDELIV", "001"), receipt("A2", "DELIVRD", "000")));
        assertEquals(Optional.of(DeliveryState.DELIVERED), v.state());
    }

    @Test
    void everyPartFailedIsFailedWithTheSmscReasons() {
        ReceiptVerdict v = ReceiptVerdict.of(PARTS, List.of(receipt("A1", "UNDELIV", "001"), receipt("A2", "EXPIRED", "000"),
                receipt("A3", "UNDELIV", "001")));
        assertEquals(Optional.of(DeliveryState.FAILED), v.state());
        assertEquals("SMSC receipt: not delivered: UNDELIV (error 001), EXPIRED (error 000)", v.reason().orElseThrow());
    }

    @Test
    void somePartsFailedOrStillEnRouteChangesNothing() {
        assertTrue(ReceiptVerdict.of(PARTS, List.of(receipt("A1", "UNDELIV", "001"), receipt("A2", "REJECTD", "002"))).state().isEmpty());
        assertTrue(ReceiptVerdict.of(PARTS, List.of(receipt("A1", "ENROUTE", "000"), receipt("A2", "ACCEPTD", "000"),
                receipt("A3", "UNKNOWN", "000"))).state().isEmpty());
    }
}
