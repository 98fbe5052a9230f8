package io.liaison.gateway.dispatch.sms;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.peers.InProcessSmsc;
import org.junit.jupiter.api.Test;

class SmsLongerThanTheConcatenationCapIsRefusedTest {

    @Test
    void textNeedingMorePartsThanTheCapIsRefusedForGoodAndNothingIsSent() throws Exception {
        try (InProcessSmsc smsc = InProcessSmsc.onFreePort().start();
             SmppSmsTransport transport = new SmppSmsTransport(SmscFixture.settingsFor(smsc).withMaxSegments(2))) {
            String threeParts = "警".repeat(150);

            TransportFailure refused = assertThrows(TransportFailure.class, () -> transport.submit(SmscFixture.HANDSET, threeParts));

            assertTrue(refused.isPermanent());
            assertTrue(refused.getMessage().contains("needs 3 parts, the configured cap is 2"), refused.getMessage());
            assertTrue(smsc.received().isEmpty());
            transport.submit(SmscFixture.HANDSET, "警".repeat(120)); // two parts pass
            assertTrue(smsc.awaitCount(1, SmscFixture.WAIT).get(0).parts() == 2);
        }
    }
}
