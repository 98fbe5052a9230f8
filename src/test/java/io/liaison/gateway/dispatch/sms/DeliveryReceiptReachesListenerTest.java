package io.liaison.gateway.dispatch.sms;

import static io.liaison.gateway.dispatch.sms.SmscFixture.HANDSET;
import static io.liaison.gateway.dispatch.sms.SmscFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.peers.InProcessSmsc.ReceiptOutcome;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryReceiptReachesListenerTest {

    private final RecordingListener listener = new RecordingListener();
    private InProcessSmsc smsc;
    private SmppSmsTransport transport;

    @BeforeEach
    void start() throws Exception {
        smsc = InProcessSmsc.onFreePort().start();
        transport = new SmppSmsTransport(SmscFixture.settingsFor(smsc), listener);
    }

    @AfterEach
    void stop() {
        transport.close();
        smsc.close();
    }

    @Test
    void deliveredReceiptCarriesTheSubmittedMessageId() throws Exception {
        smsc.sendDeliveryReceipts(true);

        String id = transport.submit(HANDSET, "TLP:GREEN exercise notice");

        RecordingListener.Receipt receipt = listener.nextReceipt(WAIT);
        assertEquals(new RecordingListener.Receipt(id, "DELIVRD", "000"), receipt);
    }

    @Test
    void undeliverableReceiptCarriesStatusAndError() throws Exception {
        smsc.sendDeliveryReceipts(new ReceiptOutcome(DeliveryReceiptState.UNDELIV, "001"));

        String id = transport.submit(HANDSET, "TLP:RED 受信者限り");

        assertEquals(new RecordingListener.Receipt(id, "UNDELIV", "001"), listener.nextReceipt(WAIT));
    }

    @Test
    void everySegmentOfALongMessageGetsItsReceipt() throws Exception {
        smsc.sendDeliveryReceipts(true);

        String ids = transport.submit(HANDSET, "重要インフラ事業者各位。".repeat(15));

        List<String> segmentIds = List.of(ids.split(","));
        Set<String> receipted = new TreeSet<>();
        for (int i = 0; i < segmentIds.size(); i++) {
            receipted.add(listener.nextReceipt(WAIT).messageId());
        }
        assertEquals(new TreeSet<>(segmentIds), receipted);
    }
}
