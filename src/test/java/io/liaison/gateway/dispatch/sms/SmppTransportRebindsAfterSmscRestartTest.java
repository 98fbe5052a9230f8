package io.liaison.gateway.dispatch.sms;

import static io.liaison.gateway.dispatch.sms.SmscFixture.HANDSET;
import static io.liaison.gateway.dispatch.sms.SmscFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.peers.InProcessSmsc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmppTransportRebindsAfterSmscRestartTest {

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
    void submitDuringOutageFailsTemporarilyNamingTheSmscAndSucceedsAfterRestart() throws Exception {
        transport.submit(HANDSET, "before the outage");
        smsc.awaitCount(1, WAIT);

        smsc.stop();
        TransportFailure failure = assertThrows(TransportFailure.class,
                () -> transport.submit(HANDSET, "during the outage"));
        assertFalse(failure.isPermanent(), failure::getMessage);
        assertTrue(failure.getMessage().contains(smsc.endpoint()), failure::getMessage);

        smsc.restart();
        String id = transport.submit(HANDSET, "after the restart");

        InProcessSmsc.ReceivedSms last = smsc.awaitCount(2, WAIT).get(1);
        assertEquals("after the restart", last.text());
        assertEquals(id, last.messageId());
        assertEquals(2, smsc.received().size(), "the message sent during the outage never reached the SMSC");
    }

    @Test
    void unreachableSmscIsATemporaryConnectFailure() throws Exception {
        smsc.stop();

        TransportFailure failure = assertThrows(TransportFailure.class, () -> transport.submit(HANDSET, "hello"));

        assertFalse(failure.isPermanent());
        assertTrue(failure.getMessage().startsWith("cannot connect to SMSC " + smsc.endpoint()), failure::getMessage);
    }

    @Test
    void refusedBindIsTemporaryAndNamesTheStatus() throws Exception {
        smsc.requireCredentials("other", "pw");

        TransportFailure failure = assertThrows(TransportFailure.class, () -> transport.submit(HANDSET, "hello"));

        assertFalse(failure.isPermanent());
        assertTrue(failure.getMessage().contains(smsc.endpoint()), failure::getMessage);
        assertTrue(failure.getMessage().contains("ESME_RINVPASWD"), failure::getMessage);
        assertFalse(failure.getMessage().contains("secret"), "the bind password never appears in reasons");
    }

    @Test
    void receiversCanBindAheadOfTheFirstSubmission() throws Exception {
        transport.ensureBound();

        assertTrue(transport.isBound());
        assertEquals(1, smsc.boundSessions());
    }
}
