package io.liaison.gateway.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A node cut off from its database: the hand-overs in flight reach their servers and then cannot record
 * the acceptance. Those (at most the slots) go twice after the take-over, the documented window; the
 * dispatcher, waiting for a slot when the first one failed, must not start one more.
 */
class NoHandOverStartsAfterOneFailedToRecordTest {
    @Test
    void theDispatcherWaitingForASlotGetsTheFailureInsteadOfSendingAnother() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            HandOvers handOvers = HandOvers.upTo(2, pool);
            AtomicInteger sent = new AtomicInteger();
            CountDownLatch bothInFlight = new CountDownLatch(2);
            CountDownLatch cut = new CountDownLatch(1);
            Runnable sendThenFailToRecord = () -> {
                sent.incrementAndGet();
                bothInFlight.countDown();
                await(cut);
                throw new IllegalStateException("the database cannot be reached");
            };
            handOvers.start(sendThenFailToRecord, false);
            handOvers.start(sendThenFailToRecord, false);
            assertTrue(bothInFlight.await(10, TimeUnit.SECONDS));
            // The dispatcher asks for a third slot while both are busy; the database goes away meanwhile.
            java.util.concurrent.CompletableFuture<Throwable> third = new java.util.concurrent.CompletableFuture<>();
            Thread dispatcher = new Thread(() -> {
                try {
                    handOvers.start(sent::incrementAndGet, false);
                    third.complete(null);
                } catch (Throwable e) {
                    third.complete(e);
                }
            });
            dispatcher.start();
            while (dispatcher.getState() != Thread.State.WAITING) { // parked on the slots
                Thread.onSpinWait();
            }
            cut.countDown();
            Throwable thrown = third.get(10, TimeUnit.SECONDS);
            handOvers.awaitAll();
            assertTrue(thrown instanceof IllegalStateException, "the dispatcher got the failure: " + thrown);
            assertEquals(2, sent.get(), "only the two in flight reached a server");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
