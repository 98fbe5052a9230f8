package io.liaison.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.PostgreSqlCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL only (H2 holds one gateway): two gateways claim from one queue without waiting on each other —
 * rows another transaction is claiming are skipped, not waited for and then found taken — and their batches
 * never overlap; a new reference series started by two gateways at once numbers both notices.
 */
class ClaimsSkipWhatAnotherNodeIsClaimingOnPostgreSqlTest {
    private final MutableClock clock = MutableClock.sampleDay();
    private PostgreSqlCluster cluster;
    private String url;
    private Database database;
    private NoticeStore nodeA;
    private NoticeStore nodeB;

    @BeforeEach
    void open() {
        cluster = PostgreSqlCluster.shared();
        url = cluster.freshDatabase();
        database = Database.open(url, cluster.user(), cluster.password());
        nodeA = new JdbcNoticeStore(database.dataSource(), new ClaimLease("node-a", Duration.ofSeconds(30)));
        nodeB = new JdbcNoticeStore(database.dataSource(), new ClaimLease("node-b", Duration.ofSeconds(30)));
    }

    @AfterEach
    void close() {
        database.close();
        cluster.dropDatabase(url);
    }

    @Test
    void aClaimPassesOverRowsAnotherTransactionHoldsInsteadOfWaiting() throws Exception {
        String ref = storeNotice("NISC-EW-2026", 6);
        List<Long> ids = nodeA.deliveries(ref).stream().map(Delivery::id).toList();
        try (Connection other = DriverManager.getConnection(url, cluster.user(), cluster.password())) {
            other.setAutoCommit(false);
            // Another gateway's claim, under way: the first three rows locked, not yet committed.
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM delivery WHERE id IN (?,?,?) FOR UPDATE")) {
                lock.setLong(1, ids.get(0));
                lock.setLong(2, ids.get(1));
                lock.setLong(3, ids.get(2));
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        // locked
                    }
                }
            }
            List<Delivery> claimed = CompletableFuture.supplyAsync(() -> nodeB.claimDue(ChannelKind.SMS, clock.instant(), 10))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(Set.copyOf(ids.subList(3, 6)), claimed.stream().map(Delivery::id).collect(java.util.stream.Collectors.toSet()),
                    "the three rows nobody holds, at once");
            other.rollback();
        }
        assertEquals(Set.copyOf(ids.subList(0, 3)), nodeA.claimDue(ChannelKind.SMS, clock.instant(), 10).stream().map(Delivery::id)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void twoGatewaysClaimingAtOnceTakeDisjointBatchesThatCoverTheQueue() throws Exception {
        String ref = storeNotice("NISC-EW-2026", 400);
        Set<Long> seen = new HashSet<>();
        List<CompletableFuture<List<Long>>> runs = new ArrayList<>();
        for (NoticeStore node : List.of(nodeA, nodeB)) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                List<Long> mine = new ArrayList<>();
                List<Delivery> batch;
                while (!(batch = node.claimDue(ChannelKind.SMS, clock.instant(), 25)).isEmpty()) {
                    batch.forEach(d -> mine.add(d.id()));
                }
                return mine;
            }));
        }
        int total = 0;
        for (CompletableFuture<List<Long>> run : runs) {
            List<Long> mine = run.get(60, TimeUnit.SECONDS);
            total += mine.size();
            mine.forEach(id -> assertTrue(seen.add(id), "claimed by both gateways: delivery " + id));
        }
        assertEquals(400, total);
        assertTrue(nodeA.deliveries(ref).stream().allMatch(d -> d.state() == DeliveryState.SENDING));
    }

    @Test
    void twoGatewaysStartingANewSeriesAtOnceNumberBothNotices() throws Exception {
        List<CompletableFuture<String>> accepted = new ArrayList<>();
        for (NoticeStore node : List.of(nodeA, nodeB, nodeA, nodeB)) {
            accepted.add(CompletableFuture.supplyAsync(() -> storeNotice(node, "NISC-PR1-2026", 1)));
        }
        Set<String> references = new HashSet<>();
        for (CompletableFuture<String> f : accepted) {
            references.add(f.get(30, TimeUnit.SECONDS));
        }
        assertEquals(Set.of("NISC-PR1-2026-00001", "NISC-PR1-2026-00002", "NISC-PR1-2026-00003", "NISC-PR1-2026-00004"),
                references);
    }

    @Test
    void aRenewalKeepsOwnClaimsAndExpiredOnesOfAnotherGatewayAreQueuedAgain() {
        String ref = storeNotice("NISC-EW-2026", 2);
        assertEquals(1, nodeA.claimDue(ChannelKind.SMS, clock.instant(), 1).size());
        assertEquals(1, nodeB.claimDue(ChannelKind.SMS, clock.instant(), 1).size());
        clock.advance(Duration.ofSeconds(20));
        assertEquals(1, nodeA.renewClaims(clock.instant().plusSeconds(30)));
        clock.advance(Duration.ofSeconds(15));
        assertEquals(1, nodeA.releaseExpiredClaims(clock.instant()));
        List<Delivery> after = nodeA.deliveries(ref);
        assertEquals(DeliveryState.SENDING, after.get(0).state());
        assertEquals(DeliveryState.PENDING, after.get(1).state());
        assertTrue(after.get(1).lastError().orElse("").contains("the claim of node-b expired"), after.get(1).toString());
    }

    private String storeNotice(String series, int recipients) {
        return storeNotice(nodeA, series, recipients);
    }

    private String storeNotice(NoticeStore store, String series, int recipients) {
        return io.liaison.gateway.testing.SmsFanOut.store(store, clock.instant(), series, recipients);
    }
}
