package io.liaison.gateway.dispatch.sms;

import static io.liaison.gateway.dispatch.sms.SmscFixture.HANDSET;
import static io.liaison.gateway.dispatch.sms.SmscFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.peers.InProcessSmsc.SubmitVerdict;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmscThrottlingIsTemporaryAndRejectionIsPermanentTest {

    private InProcessSmsc smsc;
    private SmppSmsTransport transport;

    @BeforeEach
    void start() throws Exception {
        smsc = InProcessSmsc.onFreePort().start();
        transport = new SmppSmsTransport(SmscFixture.settingsFor(smsc));
    }

    @AfterEach
    void stop() {
        transport.close();
        smsc.close();
    }

    @Test
    void throttlingIsTemporaryAndTheSessionStaysUsable() throws Exception {
        smsc.answerSubmits(attempt -> attempt.number() == 1 ? SubmitVerdict.throttled() : SubmitVerdict.ACCEPT);

        TransportFailure failure = assertThrows(TransportFailure.class, () -> transport.submit(HANDSET, "first"));

        assertFalse(failure.isPermanent());
        assertTrue(failure.getMessage().contains("throttled by SMSC " + smsc.endpoint()), failure::getMessage);
        assertTrue(failure.getMessage().contains("ESME_RTHROTTLED (0x00000058)"), failure::getMessage);

        transport.submit(HANDSET, "second");
        assertEquals("second", smsc.awaitCount(1, WAIT).get(0).text());
        assertEquals(1, smsc.boundSessions(), "a throttle is no reason to rebind");
    }

    @Test
    void fullQueueIsTemporary() {
        smsc.answerSubmits(attempt -> SubmitVerdict.queueFull());

        TransportFailure failure = assertThrows(TransportFailure.class, () -> transport.submit(HANDSET, "hello"));

        assertFalse(failure.isPermanent());
        assertTrue(failure.getMessage().contains("ESME_RMSGQFUL (0x00000014)"), failure::getMessage);
    }

    @Test
    void invalidDestinationIsPermanentAndNamesTheStatus() {
        smsc.answerSubmits(attempt -> SubmitVerdict.reject(SMPPConstant.STAT_ESME_RINVDSTADR));

        TransportFailure failure = assertThrows(TransportFailure.class, () -> transport.submit(HANDSET, "hello"));

        assertTrue(failure.isPermanent());
        assertTrue(failure.getMessage().contains("rejected submit_sm: ESME_RINVDSTADR (0x0000000B)"), failure::getMessage);
        assertTrue(failure.getMessage().contains(smsc.endpoint()), failure::getMessage);
        assertFalse(failure.getMessage().contains(HANDSET), "reasons never carry the number");
    }

    @Test
    void rejectionOfALaterSegmentSaysWhichSegment() {
        smsc.answerSubmits(attempt -> attempt.number() == 2
                ? SubmitVerdict.reject(SMPPConstant.STAT_ESME_RSUBMITFAIL) : SubmitVerdict.ACCEPT);

        TransportFailure failure = assertThrows(TransportFailure.class,
                () -> transport.submit(HANDSET, "重要なお知らせ。".repeat(20)));

        assertTrue(failure.isPermanent());
        assertTrue(failure.getMessage().contains("(segment 2 of 3)"), failure::getMessage);
    }

    @Test
    void numberWithoutInternationalPrefixIsPermanentWithoutContactingTheSmsc() {
        TransportFailure failure = assertThrows(TransportFailure.class, () -> transport.submit("09012345678", "hello"));

        assertTrue(failure.isPermanent());
        assertEquals(0, smsc.boundSessions());
        assertTrue(smsc.received().isEmpty());
    }
}
