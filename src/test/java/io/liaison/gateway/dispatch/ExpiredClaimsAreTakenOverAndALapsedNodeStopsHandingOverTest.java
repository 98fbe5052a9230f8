package io.liaison.gateway.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.store.ClaimLease;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.MutableClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one database, each with its own lease: a gateway's renewal keeps its claims alive (and only
 * its own); a claim that expired is put back in the queue by whichever gateway looks, naming whose it was; a
 * gateway cut off from the database stops handing over before its claims can expire, and the other then
 * sends each of them once; a late outcome of the cut-off gateway never touches a claim taken over.
 */
class ExpiredClaimsAreTakenOverAndALapsedNodeStopsHandingOverTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private final MutableClock clock = MutableClock.sampleDay();
    private final RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofMinutes(1), 3);
    private Database database;
    private Cuttable cutA;
    private NoticeStore nodeA;
    private NoticeStore nodeB;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + ";WRITE_DELAY=0", "sa", "");
        cutA = new Cuttable(database.dataSource());
        nodeA = new JdbcNoticeStore(cutA, new ClaimLease("node-a", TTL));
        nodeB = new JdbcNoticeStore(database.dataSource(), new ClaimLease("node-b", TTL));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRenewalExtendsOnlyItsOwnClaimsAndAnExpiredClaimIsQueuedAgainNamingItsNode() {
        String ref = storeNotice(2);
        LeaseKeeper leaseA = new LeaseKeeper(nodeA, new ClaimLease("node-a", TTL), clock);
        LeaseKeeper leaseB = new LeaseKeeper(nodeB, new ClaimLease("node-b", TTL), clock);
        assertEquals(1, nodeA.claimDue(ChannelKind.SMS, clock.instant(), 1).size());
        assertEquals(1, nodeB.claimDue(ChannelKind.SMS, clock.instant(), 1).size());

        // Twenty seconds on, only A renews: A's claim now holds to +50 s, B's still to +30 s.
        clock.advance(Duration.ofSeconds(20));
        assertEquals(0, leaseA.renew(), "nothing expired yet");
        clock.advance(Duration.ofSeconds(15));
        assertEquals(1, leaseA.renew(), "B's claim expired; A puts it back in the queue");

        List<Delivery> after = nodeA.deliveries(ref);
        Delivery ofA = after.get(0);
        Delivery ofB = after.get(1);
        assertEquals(DeliveryState.SENDING, ofA.state(), "A's own claim was renewed, not released");
        assertEquals(DeliveryState.PENDING, ofB.state());
        assertEquals(clock.instant(), ofB.nextAttemptAt().orElseThrow(), "due at once");
        assertTrue(ofB.lastError().orElse("").contains("the claim of node-b expired"), ofB.lastError().toString());
        assertTrue(ofB.lastError().orElse("").contains("taken over by node-a"), ofB.lastError().toString());

        // B comes back late: its claim is gone, and neither its renewal nor its outcome touches the delivery.
        assertEquals(0, nodeB.renewClaims(clock.instant().plus(TTL)));
        nodeB.markFailed(ofB.id(), "late failure of node-b", clock.instant());
        assertEquals(DeliveryState.PENDING, nodeA.deliveries(ref).get(1).state());
        assertFalse(leaseB.holds(clock.instant().minus(Duration.ofSeconds(35)), clock.instant().minus(Duration.ofSeconds(35))));
    }

    @Test
    void aNodeCutOffFromTheDatabaseStopsHandingOverAndTheOtherSendsEachOnce() {
        String ref = storeNotice(3);
        CountingChannel channelA = new CountingChannel();
        CountingChannel channelB = new CountingChannel();
        LeaseKeeper leaseA = new LeaseKeeper(nodeA, new ClaimLease("node-a", TTL), clock);
        LeaseKeeper leaseB = new LeaseKeeper(nodeB, new ClaimLease("node-b", TTL), clock);
        leaseA.renew();
        // A claims all three, hands the first over, then its link to the database goes while it prepares the
        // second, and stays gone for longer than the lease can last.
        channelA.onDeliver = n -> {
            if (n == 1) {
                cutA.cut = true;
                clock.advance(Duration.ofSeconds(21)); // a third of the lease left: not enough to start another
            }
        };
        ChannelDispatcher dispatcherA = dispatcher(channelA, nodeA, leaseA);
        assertThrows(RuntimeException.class, dispatcherA::dispatchDue, "A cannot even return its claims");
        assertEquals(1, channelA.handedOver.size(), "A stopped after its first hand-over: " + channelA.handedOver);
        assertThrows(RuntimeException.class, leaseA::renew, "A cannot renew");
        assertThrows(RuntimeException.class, dispatcherA::dispatchDue, "A, still cut off, cannot claim");
        assertEquals(1, channelA.handedOver.size());

        // B sees A's claims expire and takes them over; the one A handed over went out before the cut and
        // was never recorded: the documented window, one hand-over.
        clock.advance(Duration.ofSeconds(10));
        assertEquals(3, leaseB.renew());
        ChannelDispatcher dispatcherB = dispatcher(channelB, nodeB, leaseB);
        assertEquals(3, dispatcherB.dispatchDue());
        assertTrue(nodeB.deliveries(ref).stream().allMatch(d -> d.state() == DeliveryState.SENT), nodeB.deliveries(ref).toString());

        // A's link comes back: nothing left for it, nothing of B's undone.
        cutA.cut = false;
        leaseA.renew();
        assertEquals(0, dispatcherA.dispatchDue());
        List<Long> all = new ArrayList<>(channelA.handedOver);
        all.addAll(channelB.handedOver);
        assertEquals(4, all.size(), "three deliveries, one of them twice (in A's hands when it was cut off): " + all);
        assertEquals(3, all.stream().distinct().count());
        assertTrue(nodeB.deliveries(ref).stream().allMatch(d -> d.state() == DeliveryState.SENT));
    }

    @Test
    void aNodeThatStalledPastItsLeaseDoesNotHandOverWhatTheOtherTookOver() {
        String ref = storeNotice(2);
        CountingChannel channelA = new CountingChannel();
        CountingChannel channelB = new CountingChannel();
        LeaseKeeper leaseA = new LeaseKeeper(nodeA, new ClaimLease("node-a", TTL), clock);
        LeaseKeeper leaseB = new LeaseKeeper(nodeB, new ClaimLease("node-b", TTL), clock);
        ChannelDispatcher dispatcherB = dispatcher(channelB, nodeB, leaseB);
        // A claims both, then stalls (a long pause, no renewal) while preparing the first; meanwhile its claims
        // expire, and B takes them over and sends them.
        channelA.onPrepare = n -> {
            if (n == 1) {
                clock.advance(Duration.ofSeconds(35));
                assertEquals(2, leaseB.renew());
                assertEquals(2, dispatcherB.dispatchDue());
            }
        };
        dispatcher(channelA, nodeA, leaseA).dispatchDue();

        assertEquals(List.of(), channelA.handedOver, "A handed over nothing after its lease ran out");
        assertEquals(2, channelB.handedOver.size());
        List<Delivery> after = nodeA.deliveries(ref);
        assertTrue(after.stream().allMatch(d -> d.state() == DeliveryState.SENT), after.toString());
    }

    @Test
    void aClaimThatNoLongerHoldsLongEnoughIsReturnedAndSentAfreshNotHandedOverLate() {
        String ref = storeNotice(2);
        CountingChannel channel = new CountingChannel();
        LeaseKeeper lease = new LeaseKeeper(nodeA, new ClaimLease("node-a", TTL), clock);
        // The first preparation stalls past two thirds of the lease, without a renewal: not yet expired, so
        // nobody took the claims, but too little is left to start a hand-over.
        channel.onPrepare = n -> {
            if (n == 1) {
                clock.advance(Duration.ofSeconds(25));
            }
        };
        dispatcher(channel, nodeA, lease).dispatchDue();

        assertEquals(2, channel.handedOver.size(), channel.handedOver.toString());
        List<Delivery> after = nodeA.deliveries(ref);
        assertTrue(after.stream().allMatch(d -> d.state() == DeliveryState.SENT), after.toString());
        assertTrue(after.stream().allMatch(d -> d.attempts() == 2), "returned, claimed again, handed over once: " + after);
    }

    private ChannelDispatcher dispatcher(DeliveryChannel channel, NoticeStore store, LeaseKeeper lease) {
        return new ChannelDispatcher(channel, store, retry, clock, CircuitBreaker.never(ChannelKind.SMS, clock),
                Optional.empty(), Optional.empty(), HandOvers.oneAtATime(), GatewayEvents.none()).holdingLeasesOf(lease);
    }

    private String storeNotice(int recipients) {
        return io.liaison.gateway.testing.SmsFanOut.store(nodeB, clock.instant(), recipients);
    }

    /** An SMS channel that counts what it hands over; hooks run at the n-th preparation and hand-over. */
    private static final class CountingChannel implements DeliveryChannel {
        final List<Long> handedOver = new CopyOnWriteArrayList<>();
        java.util.function.IntConsumer onPrepare = n -> { };
        java.util.function.IntConsumer onDeliver = n -> { };
        private int prepared;

        @Override
        public ChannelKind kind() {
            return ChannelKind.SMS;
        }

        @Override
        public PreparedDelivery prepare(Delivery delivery) {
            onPrepare.accept(++prepared);
            return () -> deliver(delivery);
        }

        @Override
        public String deliver(Delivery delivery) {
            handedOver.add(delivery.id());
            onDeliver.accept(handedOver.size());
            return "smsc-" + delivery.id();
        }
    }

    /** The real database behind a switch: cut, every new connection is refused as an unreachable server's would be. */
    private static final class Cuttable implements DataSource {
        private final DataSource real;
        volatile boolean cut;

        Cuttable(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (cut) {
                throw new SQLException("connection refused (the node is cut off from the database)", "08001");
            }
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
