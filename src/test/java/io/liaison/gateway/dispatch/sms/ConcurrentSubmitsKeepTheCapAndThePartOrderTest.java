package io.liaison.gateway.dispatch.sms;

import static io.liaison.gateway.dispatch.sms.SmscFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.peers.InProcessSmsc.ReceivedSms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads submitting on the one session (as the SMS dispatcher does with several SMS in flight)
 * stay within the per-second cap together, and each concatenated SMS still goes out part 1 first.
 */
class ConcurrentSubmitsKeepTheCapAndThePartOrderTest {
    private static final int PER_SECOND = 20;
    private static final int MESSAGES = 6;

    private InProcessSmsc smsc;
    private SmppSmsTransport transport;
    private ExecutorService submitters;

    @BeforeEach
    void start() throws Exception {
        smsc = InProcessSmsc.onFreePort().start();
        transport = new SmppSmsTransport(SmscFixture.settingsFor(smsc).withMaxSubmitsPerSecond(PER_SECOND));
        transport.ensureBound();
        submitters = Executors.newFixedThreadPool(MESSAGES);
    }

    @AfterEach
    void stop() {
        submitters.shutdownNow();
        transport.close();
        smsc.close();
    }

    @Test
    void sixTwoPartMessagesFromSixThreadsTakeTheirTwelveSlotsInOrderPerMessage() throws Exception {
        String text = "TLP:AMBER NISC-EW-2026-00001 ".repeat(8); // 232 GSM characters: two parts
        Instant started = Instant.now();
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String handset = "+81900000010" + i;
            ids.add(submitters.submit(() -> transport.submit(handset, text)));
        }
        for (Future<String> id : ids) {
            assertEquals(2, id.get().split(",").length);
        }

        List<ReceivedSms> received = smsc.awaitCount(MESSAGES, WAIT);
        assertEquals(MESSAGES, received.size());
        for (ReceivedSms sms : received) {
            assertEquals(text, sms.text());
            // The SMSC numbers submit_sm in arrival order: part 1 must have arrived before part 2.
            long[] order = Arrays.stream(sms.messageId().split(",")).mapToLong(id -> Long.parseLong(id, 16)).toArray();
            assertTrue(order[0] < order[1], "parts out of order: " + sms.messageId());
        }
        // Twelve PDUs at 20 per second: the last one no sooner than eleven intervals after the first.
        Instant last = received.stream().map(ReceivedSms::receivedAt).max(Instant::compareTo).orElseThrow();
        Duration span = Duration.between(started, last);
        assertTrue(span.compareTo(Duration.ofMillis(11 * 1000 / PER_SECOND - 50)) >= 0, "cap exceeded: 12 PDUs in " + span);
    }
}
