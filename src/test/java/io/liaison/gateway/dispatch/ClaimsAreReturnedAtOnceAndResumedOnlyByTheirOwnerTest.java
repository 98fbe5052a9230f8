package io.liaison.gateway.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.ClaimLease;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-over that throws (a bug, a store failure, an Error) returns the claimed batch to the queue at once,
 * due now and with the reason, instead of leaving it SENDING until a restart; and a start resumes only this
 * gateway's own claims and expired ones, never those another gateway on the same database holds.
 */
class ClaimsAreReturnedAtOnceAndResumedOnlyByTheirOwnerTest {
    @TempDir
    Path work;

    private final MutableClock clock = MutableClock.sampleDay();
    private final RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofMinutes(1), 3);
    private Database database;
    private NoticeStore store;

    @BeforeEach
    void open() {
        database = io.liaison.gateway.testing.TestDatabase.fileIn(work, "db").open();
        store = new JdbcNoticeStore(database.dataSource(), new ClaimLease("gateway-a", Duration.ofMinutes(10)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aHandOverThatThrowsReturnsItsWholeBatchToPendingAtOnceWithTheReason() {
        String ref = storeNotice(3);
        Channel channel = new Channel(1, () -> new IllegalStateException("bug in the SMS channel"));
        ChannelDispatcher dispatcher = new ChannelDispatcher(channel, store, retry, clock);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, dispatcher::dispatchDue);
        assertEquals("bug in the SMS channel", thrown.getMessage());

        List<Delivery> after = store.deliveries(ref);
        assertTrue(after.stream().allMatch(d -> d.state() == DeliveryState.PENDING), after.toString());
        assertTrue(after.stream().allMatch(d -> d.nextAttemptAt().orElseThrow().equals(clock.instant())), "due now: " + after);
        assertTrue(after.stream().allMatch(d -> d.lastError().orElse("").contains("IllegalStateException: bug in the SMS channel")),
                after.toString());

        // The next run (no restart, no clock moved) sends them all.
        assertEquals(3, dispatcher.dispatchDue());
        assertTrue(store.deliveries(ref).stream().allMatch(d -> d.state() == DeliveryState.SENT), store.deliveries(ref).toString());
    }

    @Test
    void anErrorOnAHandOverThreadReturnsTheBatchAndReachesTheDispatcher() {
        String ref = storeNotice(4);
        Channel channel = new Channel(2, () -> new OutOfMemoryError("simulated: Java heap space"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ChannelDispatcher dispatcher = new ChannelDispatcher(channel, store, retry, clock, CircuitBreaker.never(ChannelKind.SMS, clock),
                    AcceptanceJournal.open(work.resolve("sms.journal")), HandOvers.upTo(2, pool));

            assertThrows(OutOfMemoryError.class, dispatcher::dispatchDue);

            List<Delivery> after = store.deliveries(ref);
            assertTrue(after.stream().noneMatch(d -> d.state() == DeliveryState.SENDING), "nothing left claimed: " + after);
            assertTrue(after.stream().filter(d -> d.state() == DeliveryState.PENDING)
                    .allMatch(d -> d.lastError().orElse("").contains("OutOfMemoryError")), after.toString());

            dispatcher.dispatchDue();
            assertTrue(store.deliveries(ref).stream().allMatch(d -> d.state() == DeliveryState.SENT), store.deliveries(ref).toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStartResumesItsOwnAndExpiredClaimsButNotAnotherGatewaysLiveOnes() {
        String ref = storeNotice(1);
        NoticeStore gatewayB = new JdbcNoticeStore(database.dataSource(), new ClaimLease("gateway-b", Duration.ofMinutes(10)));
        String refB = storeNotice(1);

        assertEquals(1, store.claimDue(ChannelKind.SMS, clock.instant(), 1).size(), "gateway-a claims the first");
        assertEquals(1, gatewayB.claimDue(ChannelKind.SMS, clock.instant(), 1).size(), "gateway-b claims the second");

        assertEquals(1, store.resumeInterrupted(clock.instant()), "gateway-a restarts: its own claim only");
        assertEquals(DeliveryState.PENDING, store.deliveries(ref).get(0).state());
        assertEquals(DeliveryState.SENDING, store.deliveries(refB).get(0).state(), "gateway-b is still handing it over");

        clock.advance(Duration.ofMinutes(11));
        assertEquals(1, store.resumeInterrupted(clock.instant()), "gateway-b's claim expired: anyone resumes it");
        assertEquals(DeliveryState.PENDING, store.deliveries(refB).get(0).state());
    }

    private String storeNotice(int recipients) {
        return io.liaison.gateway.testing.SmsFanOut.store(store, clock.instant(), recipients);
    }

    /** An SMS channel whose n-th hand-over throws what {@code failure} makes; every other one is accepted. */
    private static final class Channel implements DeliveryChannel {
        private final int failingHandOver;
        private final java.util.function.Supplier<Throwable> failure;
        private final AtomicInteger handOvers = new AtomicInteger();

        Channel(int failingHandOver, java.util.function.Supplier<Throwable> failure) {
            this.failingHandOver = failingHandOver;
            this.failure = failure;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.SMS;
        }

        @Override
        public String deliver(Delivery delivery) {
            if (handOvers.incrementAndGet() == failingHandOver) {
                Throwable t = failure.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
            return "smsc-" + delivery.id();
        }
    }
}
