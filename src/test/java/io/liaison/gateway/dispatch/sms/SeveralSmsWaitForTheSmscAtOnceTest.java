package io.liaison.gateway.dispatch.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.peers.InProcessSmsc.SubmitVerdict;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMS dispatcher does not wait for each submit_sm_resp before the next SMS: an SMSC that answers
 * nothing until three submissions are in its hands still gets every SMS of a notice, each once.
 */
class SeveralSmsWaitForTheSmscAtOnceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void anSmscHoldingItsAnswersUntilThreeAreOutstandingGetsThemAll() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            // The first notice shows the SMSC answering: until then the dispatcher tries one at a time.
            assertTrue(gateway.awaitSettled(gateway.send(Notices.earlyWarning()).reference(), WAIT).settled());
            int before = h.smsc.received().size();

            CountDownLatch threeOutstanding = new CountDownLatch(3);
            AtomicBoolean heldUntilThree = new AtomicBoolean(true);
            AtomicInteger outstanding = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            h.smsc.answerSubmits(attempt -> {
                most.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                threeOutstanding.countDown();
                try {
                    // Bounded only so that a dispatcher sending one at a time fails this test instead of hanging it.
                    if (!threeOutstanding.await(10, TimeUnit.SECONDS)) {
                        heldUntilThree.set(false);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    outstanding.decrementAndGet();
                }
                return SubmitVerdict.ACCEPT;
            });
            String ref = gateway.send(Notices.earlyWarning()).reference();
            StatusReport r = gateway.awaitSettled(ref, WAIT);

            assertTrue(heldUntilThree.get(), "the SMSC never had three submissions at once");
            assertTrue(most.get() >= 3, "most submissions outstanding at once: " + most.get());
            List<Delivery> sms = r.deliveries().stream().filter(d -> d.channel() == ChannelKind.SMS).toList();
            assertEquals(3, sms.size());
            assertTrue(sms.stream().allMatch(d -> d.state() == DeliveryState.SENT && d.attempts() == 1), r.render(gateway.zone()));
            assertEquals(before + 3, h.smsc.received().size(), "each SMS accepted once");
        }
    }
}
