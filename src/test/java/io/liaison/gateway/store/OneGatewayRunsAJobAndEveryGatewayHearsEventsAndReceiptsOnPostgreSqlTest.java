package io.liaison.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.events.GatewayEvent;
import io.liaison.gateway.inbound.imap.OneGatewayPollsTheMailbox;
import io.liaison.gateway.store.jdbc.AdvisoryJobLock;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.store.jdbc.JdbcReceiptStore;
import io.liaison.gateway.store.jdbc.PostgreSqlGatewayEvents;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.PostgreSqlCluster;
import io.liaison.gateway.track.receipts.DeliveryReceipts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL only (what several gateways share): a periodic job runs on one gateway at a time and passes to
 * another when the first one's session dies; an event published on one gateway reaches another's subscribers
 * within a second, and its own subscribers once; an SMS receipt arriving at a gateway that did not send the
 * message is matched all the same (the message ids are in the database, not in a node's memory).
 */
class OneGatewayRunsAJobAndEveryGatewayHearsEventsAndReceiptsOnPostgreSqlTest {
    private final MutableClock clock = MutableClock.sampleDay();
    private PostgreSqlCluster cluster;
    private String url;
    private Database database;

    @BeforeEach
    void open() {
        cluster = PostgreSqlCluster.shared();
        url = cluster.freshDatabase();
        database = Database.open(url, cluster.user(), cluster.password());
    }

    @AfterEach
    void close() {
        database.close();
        cluster.dropDatabase(url);
    }

    private Connection session() throws java.sql.SQLException {
        return DriverManager.getConnection(url, cluster.user(), cluster.password());
    }

    @Test
    void aJobRunsOnOneGatewayAtATimeAndPassesOnWhenItsSessionDies() throws Exception {
        try (AdvisoryJobLock a = new AdvisoryJobLock(this::session); AdvisoryJobLock b = new AdvisoryJobLock(this::session)) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Boolean> onA = CompletableFuture.supplyAsync(() -> a.runAlone("escalation", () -> {
                running.countDown();
                await(finish);
            }));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            assertFalse(b.runAlone("escalation", () -> { }), "B skips while A runs the job");
            assertTrue(b.runAlone("another-job", () -> { }), "another job is not held up");
            finish.countDown();
            assertTrue(onA.get(10, TimeUnit.SECONDS));
            assertTrue(b.runAlone("escalation", () -> { }), "A's run over: B's turn");

            // A holds the lock when its session is ended (the gateway died, or lost the database): B runs next.
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> dying = CompletableFuture.supplyAsync(() -> a.runAlone("escalation", () -> {
                held.countDown();
                await(release);
            }));
            assertTrue(held.await(10, TimeUnit.SECONDS));
            assertFalse(b.runAlone("escalation", () -> { }));
            try (Connection admin = session(); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted");
            }
            assertTrue(b.runAlone("escalation", () -> { }), "the lock ended with A's session");
            release.countDown();
            dying.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theMailboxIsPolledByOneGatewayAtATime() {
        try (AdvisoryJobLock a = new AdvisoryJobLock(this::session); AdvisoryJobLock b = new AdvisoryJobLock(this::session)) {
            OneGatewayPollsTheMailbox onA = new OneGatewayPollsTheMailbox(a);
            OneGatewayPollsTheMailbox onB = new OneGatewayPollsTheMailbox(b);
            assertTrue(onA.begin(null, null), "A polls");
            assertFalse(onB.begin(null, null), "B skips its poll while A's is under way");
            onA.commit(null, null, 3);
            assertTrue(onB.begin(null, null), "A's poll over: B's turn");
            assertFalse(onA.begin(null, null));
            onB.rollback(null, null, 0, new java.io.IOException("connection reset"));
            assertTrue(onA.begin(null, null), "a failed poll ends the turn too");
            onA.commit(null, null, 0);
        }
    }

    @Test
    void anEventPublishedOnOneGatewayReachesTheOthersWithinASecondAndItsOwnOnce() throws Exception {
        try (PostgreSqlGatewayEvents a = new PostgreSqlGatewayEvents("node-a", this::session);
             PostgreSqlGatewayEvents b = new PostgreSqlGatewayEvents("node-b", this::session)) {
            BlockingQueue<GatewayEvent> onA = new LinkedBlockingQueue<>();
            BlockingQueue<GatewayEvent> onB = new LinkedBlockingQueue<>();
            a.subscribe(onA::add);
            b.subscribe(onB::add);
            // Both listeners are up once a probe from each reaches the other.
            awaitListening(a, b, onA, onB);

            GatewayEvent sent = new GatewayEvent(GatewayEvent.Kind.DELIVERY_SENT, "NISC-EW-2026-00001", "east-power",
                    Instant.parse("2026-06-01T01:00:00Z"));
            long start = System.nanoTime();
            a.publish(sent);
            GatewayEvent heard = onB.poll(5, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(sent, heard);
            assertTrue(ms < 1000, "reached the other gateway in " + ms + " ms");
            assertEquals(sent, onA.poll(1, TimeUnit.SECONDS), "its own subscribers at once");
            assertEquals(null, onA.poll(1500, TimeUnit.MILLISECONDS), "and not a second time when NOTIFY comes back");
        }
    }

    private static void awaitListening(PostgreSqlGatewayEvents a, PostgreSqlGatewayEvents b, BlockingQueue<GatewayEvent> onA,
                                       BlockingQueue<GatewayEvent> onB) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (b.receivedFromOthers() == 0 || a.receivedFromOthers() == 0) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the gateways' listeners did not come up");
            }
            GatewayEvent probe = new GatewayEvent(GatewayEvent.Kind.NOTICE_ACCEPTED, "", "", Instant.EPOCH);
            a.publish(probe);
            b.publish(probe);
            Thread.sleep(200);
        }
        Thread.sleep(300);
        onA.clear();
        onB.clear();
    }

    @Test
    void aReceiptArrivingAtTheGatewayThatDidNotSendTheSmsIsMatched() {
        NoticeStore nodeA = new JdbcNoticeStore(database.dataSource(), new ClaimLease("node-a", Duration.ofSeconds(30)));
        String ref = io.liaison.gateway.testing.SmsFanOut.store(nodeA, clock.instant(), 1);
        Delivery d = nodeA.claimDue(ChannelKind.SMS, clock.instant(), 1).get(0);
        // Node A's SMSC session accepted it (two parts); node B's session gets the receipt of the second part.
        nodeA.markAllSent(ChannelKind.SMS, List.of(new Acceptance(d.id(), "smsc-17,smsc-18", clock.instant())));
        DeliveryReceipts onNodeB = new DeliveryReceipts(new JdbcReceiptStore(database.dataSource()), clock);
        onNodeB.onReceipt("smsc-18", "DELIVRD", "000");

        assertEquals(DeliveryState.DELIVERED, nodeA.deliveries(ref).get(0).state());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
