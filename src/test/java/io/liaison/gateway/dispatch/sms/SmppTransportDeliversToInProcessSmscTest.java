package io.liaison.gateway.dispatch.sms;

import static io.liaison.gateway.dispatch.sms.SmscFixture.HANDSET;
import static io.liaison.gateway.dispatch.sms.SmscFixture.SENDER;
import static io.liaison.gateway.dispatch.sms.SmscFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.peers.InProcessSmsc.ReceivedSms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmppTransportDeliversToInProcessSmscTest {

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
    void asciiTextArrivesIntactInTheDefaultAlphabet() throws Exception {
        String text = "TLP:AMBER NISC notice 2024-017: apply vendor patch now. Reply ACK 17.";

        String id = transport.submit(HANDSET, text);

        ReceivedSms sms = smsc.awaitCount(1, WAIT).get(0);
        assertEquals(text, sms.text());
        assertEquals(HANDSET, sms.destination());
        assertEquals(SENDER, sms.source());
        assertEquals(id, sms.messageId());
        assertEquals(SmsEncoding.DATA_CODING_DEFAULT, sms.dataCoding());
        assertEquals(1, sms.parts());
    }

    @Test
    void asciiNeedingGsmEscapesAndSpecialPositionsArrivesIntact() throws Exception {
        String text = "user@example.jp paid $5 for {cfg} [v2] ~x ^y |z \\path_name";

        transport.submit(HANDSET, text);

        assertEquals(text, smsc.awaitCount(1, WAIT).get(0).text());
    }

    @Test
    void japaneseTextArrivesIntactAsUcs2() throws Exception {
        String text = "TLP:AMBER（組織内及び顧客限り）重要インフラ事業者各位：至急メールを確認してください。";

        String id = transport.submit(HANDSET, text);

        ReceivedSms sms = smsc.awaitCount(1, WAIT).get(0);
        assertEquals(text, sms.text());
        assertEquals(SmsEncoding.DATA_CODING_UCS2, sms.dataCoding());
        assertEquals(HANDSET, sms.destination());
        assertEquals(id, sms.messageId());
    }

    @Test
    void longJapaneseTextArrivesAsConcatenatedSegmentsAndIsReassembled() throws Exception {
        String text = ("【TLP:AMBER】内閣サイバーセキュリティセンターより重要インフラ事業者の皆様へ。"
                + "VPN装置の脆弱性を悪用した攻撃が確認されています。至急、暗号化メールの注意喚起をご確認のうえ、"
                + "対策の実施状況をご報告ください。").repeat(2);
        int expectedParts = (text.length() + 66) / 67;

        String ids = transport.submit(HANDSET, text);

        List<String> idList = List.of(ids.split(","));
        assertEquals(expectedParts, idList.size(), "one SMSC message id per segment");
        ReceivedSms sms = smsc.awaitCount(1, WAIT).get(0);
        assertEquals(text, sms.text());
        assertEquals(expectedParts, sms.parts());
        assertEquals(ids, sms.messageId());
        assertEquals(HANDSET, sms.destination());
    }

    @Test
    void longAsciiTextIsSplitIntoGsmSegments() throws Exception {
        String text = "Critical infrastructure advisory. ".repeat(12);

        String ids = transport.submit(HANDSET, text);

        ReceivedSms sms = smsc.awaitCount(1, WAIT).get(0);
        assertEquals(text, sms.text());
        assertEquals((text.length() + 152) / 153, sms.parts());
        assertEquals(ids, sms.messageId());
    }

    @Test
    void oneSessionServesManyConcurrentSubmissions() throws Exception {
        int senders = 8;
        List<Thread> threads = new ArrayList<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < senders; i++) {
            String text = "通知 " + i;
            Thread thread = new Thread(() -> {
                try {
                    transport.submit(HANDSET, text);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        assertEquals(senders, smsc.awaitCount(senders, WAIT).size());
        assertEquals(1, smsc.boundSessions(), "all submissions share one bound session");
    }
}
