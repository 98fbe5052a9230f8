package io.liaison.gateway.dispatch.sms;

import static io.liaison.gateway.dispatch.sms.SmscFixture.HANDSET;
import static io.liaison.gateway.dispatch.sms.SmscFixture.SENDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import io.liaison.gateway.peers.InProcessSmsc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandsetReplyReachesListenerTest {

    private InProcessSmsc smsc;
    private SmppSmsTransport transport;

    @AfterEach
    void stop() {
        transport.close();
        smsc.close();
    }

    @Test
    void replyIsDecodedAndAttributedToTheHandset() throws Exception {
        RecordingListener listener = new RecordingListener();
        bindWith(listener);

        // injectReply returns once the ESME acknowledged, and the ESME acknowledges after the listener ran.
        smsc.injectReply(HANDSET, SENDER, "了解しました ACK 17");
        smsc.injectReply(HANDSET, SENDER, "ACK 18");

        assertEquals(new RecordingListener.Reply(HANDSET, "了解しました ACK 17"), listener.replies.poll());
        assertEquals(new RecordingListener.Reply(HANDSET, "ACK 18"), listener.replies.poll());
    }

    @Test
    void longReplyIsReassembledBeforeTheListenerSeesIt() throws Exception {
        RecordingListener listener = new RecordingListener();
        bindWith(listener);
        String text = "対応状況：パッチ適用済み、影響調査中。".repeat(6);

        smsc.injectReply(HANDSET, SENDER, text);

        assertEquals(new RecordingListener.Reply(HANDSET, text), listener.replies.poll());
        assertTrue(listener.replies.isEmpty());
    }

    @Test
    void failingListenerMakesTheSmscRetryLater() throws Exception {
        bindWith(new SmsInboundListener() {
            @Override
            public void onReply(String sourceNumber, String text) {
                throw new IllegalStateException("store unavailable");
            }
        });

        IOException refused = assertThrows(IOException.class, () -> smsc.injectReply(HANDSET, SENDER, "ACK 1"));

        assertTrue(refused.getMessage().contains("0x00000064"), refused::getMessage);
    }

    private void bindWith(SmsInboundListener listener) throws Exception {
        smsc = InProcessSmsc.onFreePort().start();
        transport = new SmppSmsTransport(SmscFixture.settingsFor(smsc), listener);
        transport.ensureBound();
    }
}
