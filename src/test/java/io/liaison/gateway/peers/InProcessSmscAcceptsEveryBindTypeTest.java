package io.liaison.gateway.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Independent of the gateway's transport: plain jSMPP clients bind the way camel-smpp and others do. */
class InProcessSmscAcceptsEveryBindTypeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<SMPPSession> clients = new ArrayList<>();
    private InProcessSmsc smsc;

    @BeforeEach
    void start() throws Exception {
        smsc = InProcessSmsc.onFreePort().start();
    }

    @AfterEach
    void stop() {
        clients.forEach(SMPPSession::unbindAndClose);
        smsc.close();
    }

    @Test
    void transmitterReceiverAndTransceiverBindsAreAccepted() throws Exception {
        bind(BindType.BIND_TX, "any", "thing");
        bind(BindType.BIND_RX, "any", "thing");
        bind(BindType.BIND_TRX, "other", "creds");

        assertEquals(3, smsc.boundSessions());
    }

    @Test
    void configuredCredentialsAreEnforced() throws Exception {
        smsc.requireCredentials("lgw", "secret");

        IOException refused = assertThrows(IOException.class, () -> bind(BindType.BIND_TRX, "lgw", "wrong"));
        NegativeResponseException status = assertInstanceOf(NegativeResponseException.class, refused.getCause());
        assertEquals(SMPPConstant.STAT_ESME_RINVPASWD, status.getCommandStatus());

        bind(BindType.BIND_TRX, "lgw", "secret");
        assertEquals(1, smsc.boundSessions());
    }

    @Test
    void receiptForATransmitterGoesToTheReceiverOfTheSameAccount() throws Exception {
        smsc.sendDeliveryReceipts(true);
        SMPPSession transmitter = bind(BindType.BIND_TX, "camel", "pw");
        SMPPSession receiver = bind(BindType.BIND_RX, "camel", "pw");
        BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();
        receiver.setMessageReceiverListener(collectingInto(delivered));

        String id = transmitter.submitShortMessage(null, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                "NISC-LGW", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "819012345678", new ESMClass(),
                (byte) 0, (byte) 0, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                DataCodings.ZERO, (byte) 0, "hello".getBytes(StandardCharsets.US_ASCII)).getMessageId();

        DeliverSm receipt = delivered.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(receipt != null && receipt.isSmscDeliveryReceipt(), "a delivery receipt arrived on the receiver");
        assertEquals(id, receipt.getShortMessageAsDeliveryReceipt().getId());
        InProcessSmsc.ReceivedSms sms = smsc.awaitCount(1, WAIT).get(0);
        assertEquals("+819012345678", sms.destination());
        assertEquals("hello", sms.text());
    }

    @Test
    void restartComesBackOnTheSamePortAndKeepsTheRecord() throws Exception {
        SMPPSession first = bind(BindType.BIND_TRX, "lgw", "pw");
        first.submitShortMessage(null, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "7010",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "819012345678", new ESMClass(),
                (byte) 0, (byte) 0, null, null, new RegisteredDelivery(), (byte) 0, DataCodings.ZERO, (byte) 0,
                "one".getBytes(StandardCharsets.US_ASCII));
        int port = smsc.port();

        smsc.restart();

        assertEquals(port, smsc.port());
        bind(BindType.BIND_TRX, "lgw", "pw");
        assertEquals(1, smsc.received().size());
    }

    private SMPPSession bind(BindType type, String systemId, String password) throws IOException {
        SMPPSession session = new SMPPSession();
        session.connectAndBind(smsc.host(), smsc.port(), new BindParameter(type, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        clients.add(session);
        return session;
    }

    private static MessageReceiverListener collectingInto(BlockingQueue<DeliverSm> delivered) {
        return new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        };
    }
}
