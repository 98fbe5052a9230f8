package io.liaison.gateway.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.policy.Refusal;
import io.liaison.gateway.store.Acceptance;
import io.liaison.gateway.store.ClaimLease;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NoticeStore} adapter does, whatever the database: a notice stored whole and read back as
 * written, reference numbers that never repeat under concurrent intake, each due delivery claimed by one
 * dispatcher only, and outcomes that a replay cannot overwrite. {@code H2NoticeStoreTest} and
 * {@code PostgreSqlNoticeStoreTest} run it.
 */
abstract class NoticeStoreContractTest {
    // Microseconds: what both databases keep of a TIMESTAMP WITH TIME ZONE.
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:30:00.123456Z"));
    private Database database;
    protected NoticeStore store;

    /** The database under test, fresh for each test. */
    protected abstract TestDatabase freshDatabase();

    @BeforeEach
    void open() {
        database = freshDatabase().open();
        store = new JdbcNoticeStore(database.dataSource(), new ClaimLease("node-a", Duration.ofMinutes(5)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNoticeIsStoredWholeAndReadBackAsWritten() {
        NoticeDraft draft = draft("制御システムの脆弱性 / ICS vulnerability");
        DeliveryPlan plan = new DeliveryPlan(List.of(
                new PlannedDelivery("east-power", "east-power-soc", ChannelKind.EMAIL, "soc@east-power.example", DeliveryRole.DIRECT),
                new PlannedDelivery("east-power", "east-power-soc", ChannelKind.SMS, "+819000000001", DeliveryRole.DIRECT)),
                List.of(Refusal.ofOrganisation("west-gas", "TLP:AMBER: not a recipient of the originator's community")));

        String ref = store.accept(draft, "nisc", "NISC-EW-2026", plan, clock.instant()).value();

        StoredNotice n = store.notice(ref).orElseThrow();
        assertEquals("制御システムの脆弱性 / ICS vulnerability", n.title());
        assertEquals(Tlp.AMBER, n.level());
        assertEquals(clock.instant(), n.createdAt(), "the instant survives to the microsecond");
        List<Delivery> deliveries = store.deliveries(ref);
        assertEquals(2, deliveries.size());
        assertTrue(deliveries.stream().allMatch(d -> d.state() == DeliveryState.PENDING), deliveries.toString());
        assertEquals(1, store.refusals(ref).size());
        assertEquals(1, store.hops(ref).size());
        assertEquals(Set.of("east-power"), store.reachedOrganisations(ref));
        assertEquals(Map.of(DeliveryState.PENDING, 2L), store.deliveryCounts(ref));
    }

    @Test
    void referenceNumbersNeverRepeatWhenNoticesAreAcceptedConcurrently() throws Exception {
        store.accept(draft("first"), "nisc", "NISC-EW-2026", plan(1), clock.instant()); // the series exists
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> refs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                refs.add(pool.submit(() -> store.accept(draft("concurrent"), "nisc", "NISC-EW-2026", plan(1), clock.instant()).value()));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> f : refs) {
                distinct.add(f.get());
            }
            assertEquals(30, distinct.size(), "no number handed out twice: " + distinct);
            assertTrue(distinct.contains("NISC-EW-2026-00031"), "numbers stay consecutive: " + distinct);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachDueDeliveryIsClaimedByOneDispatcherOnly() throws Exception {
        String ref = store.accept(draft("fan-out"), "nisc", "NISC-EW-2026", plan(40), clock.instant()).value();
        NoticeStore other = new JdbcNoticeStore(database.dataSource(), new ClaimLease("node-b", Duration.ofMinutes(5)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                NoticeStore claimer = i % 2 == 0 ? store : other;
                Callable<List<Long>> claimAll = () -> {
                    List<Long> mine = new ArrayList<>();
                    List<Delivery> batch;
                    while (!(batch = claimer.claimDue(ChannelKind.SMS, clock.instant(), 3)).isEmpty()) {
                        batch.forEach(d -> mine.add(d.id()));
                    }
                    return mine;
                };
                runs.add(pool.submit(claimAll));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : runs) {
                all.addAll(r.get());
            }
            assertEquals(40, all.size(), "every delivery claimed exactly once: " + all);
            assertEquals(40, new HashSet<>(all).size(), "no delivery claimed twice: " + all);
            assertTrue(store.deliveries(ref).stream().allMatch(d -> d.state() == DeliveryState.SENDING && d.attempts() == 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplayedAcceptanceNeverOverwritesALaterOutcome() {
        String ref = store.accept(draft("replay"), "nisc", "NISC-EW-2026", plan(2), clock.instant()).value();
        List<Delivery> claimed = store.claimDue(ChannelKind.SMS, clock.instant(), 10);
        assertEquals(2, claimed.size());
        Delivery first = claimed.get(0);
        Delivery second = claimed.get(1);

        assertEquals(1, store.markAllSent(ChannelKind.SMS, List.of(new Acceptance(first.id(), "m-1,m-2", clock.instant()))));
        store.markFailed(second.id(), "SMSC refused: invalid destination", clock.instant());
        // the journal replayed after a crash: nothing already decided changes
        assertEquals(0, store.markAllSent(ChannelKind.SMS, List.of(new Acceptance(first.id(), "m-1,m-2", clock.instant()),
                new Acceptance(second.id(), "m-3", clock.instant()))));

        Map<Long, Delivery> byId = new java.util.HashMap<>();
        store.deliveries(ref).forEach(d -> byId.put(d.id(), d));
        assertEquals(DeliveryState.SENT, byId.get(first.id()).state());
        assertEquals("m-1,m-2", byId.get(first.id()).serverId().orElseThrow());
        assertEquals(DeliveryState.FAILED, byId.get(second.id()).state());
        assertEquals("SMSC refused: invalid destination", byId.get(second.id()).lastError().orElseThrow());
    }

    @Test
    void theChannelsAcceptancesAreRecordedInOneTransactionWithTheirTrail() {
        String ref = store.accept(draft("together"), "nisc", "NISC-EW-2026", emailAndSms(), clock.instant()).value();
        Delivery mail = store.claimDue(ChannelKind.EMAIL, clock.instant(), 10).get(0);
        Delivery sms = store.claimDue(ChannelKind.SMS, clock.instant(), 10).get(0);

        assertEquals(2, store.markAllSent(Map.of(ChannelKind.EMAIL, List.of(new Acceptance(mail.id(), "<m-1@smtp>", clock.instant())),
                ChannelKind.SMS, List.of(new Acceptance(sms.id(), "s-1,s-2", clock.instant())))));

        assertEquals(Map.of(DeliveryState.SENT, 2L), store.deliveryCounts(ref));
        long handedOver = new JdbcAuditLog(database.dataSource(), clock).trail(ref).stream()
                .filter(e -> e.knownAction().orElse(null) == io.liaison.gateway.audit.AuditAction.DELIVERY_HANDED_OVER).count();
        assertEquals(2, handedOver, "one delivery.handed-over per channel's delivery");
    }

    @Test
    void noChannelsAcceptanceIsRecordedWhenTheTrailCannotBeWritten() {
        io.liaison.gateway.audit.AuditLog real = new JdbcAuditLog(database.dataSource(), clock);
        io.liaison.gateway.audit.AuditLog refusing = (io.liaison.gateway.audit.AuditLog) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.liaison.gateway.audit.AuditLog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append") && args.length == 2) {
                        throw new IllegalStateException("audit trail unavailable");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        String ref = store.accept(draft("all or nothing"), "nisc", "NISC-EW-2026", emailAndSms(), clock.instant()).value();
        Delivery mail = store.claimDue(ChannelKind.EMAIL, clock.instant(), 10).get(0);
        Delivery sms = store.claimDue(ChannelKind.SMS, clock.instant(), 10).get(0);
        NoticeStore failing = new JdbcNoticeStore(database.dataSource(), new ClaimLease("node-a", Duration.ofMinutes(5)), refusing);

        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> failing.markAllSent(Map.of(
                ChannelKind.EMAIL, List.of(new Acceptance(mail.id(), "<m-1@smtp>", clock.instant())),
                ChannelKind.SMS, List.of(new Acceptance(sms.id(), "s-1", clock.instant())))));

        assertEquals(Map.of(DeliveryState.SENDING, 2L), store.deliveryCounts(ref), "neither channel's delivery moved");
    }

    @Test
    void aReleasedClaimIsDueAgainAtOnceAndARetryWhenItSays() {
        String ref = store.accept(draft("release"), "nisc", "NISC-EW-2026", plan(2), clock.instant()).value();
        List<Delivery> claimed = store.claimDue(ChannelKind.SMS, clock.instant(), 10);
        Instant later = clock.instant().plus(Duration.ofMinutes(2));
        store.markRetry(claimed.get(1).id(), "SMSC throttled", later, clock.instant());
        assertEquals(1, store.releaseClaims(ChannelKind.SMS, List.of(claimed.get(0).id()), "hand-over broke off", clock.instant()));

        assertEquals(clock.instant(), store.nextDue(ChannelKind.SMS).orElseThrow(), "the released one is due now");
        assertEquals(1, store.claimDue(ChannelKind.SMS, clock.instant(), 10).size(), "the retry waits");
        assertEquals(later, store.nextDue(ChannelKind.SMS).orElseThrow());
        assertEquals(1, store.claimDue(ChannelKind.SMS, later, 10).size());
        assertEquals(Map.of(DeliveryState.SENDING, 2L), store.deliveryCounts(ref));
    }

    @Test
    void aDeadLetterIsKeptWholeAndCounted() {
        String body = "x".repeat(200_000) + " 終";
        store.keepDeadLetter("dispatch-email", "ID-1", body, "java.lang.IllegalStateException: boom", clock.instant());
        store.keepDeadLetter("dispatch-sms", "ID-2", "short", "boom", clock.instant());
        assertEquals(2, store.deadLetterCount());
    }

    private NoticeDraft draft(String title) {
        return new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty", title, "至急確認を",
                "本文 / body", new Target(List.of("electric-power"), List.of(), false));
    }

    private static DeliveryPlan emailAndSms() {
        return new DeliveryPlan(List.of(
                new PlannedDelivery("east-power", "east-power-soc", ChannelKind.EMAIL, "soc@east-power.example", DeliveryRole.DIRECT),
                new PlannedDelivery("east-power", "east-power-soc", ChannelKind.SMS, "+819000000001", DeliveryRole.DIRECT)), List.of());
    }

    private static DeliveryPlan plan(int smsRecipients) {
        List<PlannedDelivery> planned = new ArrayList<>();
        for (int i = 0; i < smsRecipients; i++) {
            planned.add(new PlannedDelivery("east-power", "east-power-soc", ChannelKind.SMS, String.format("+8190%08d", i),
                    DeliveryRole.DIRECT));
        }
        return new DeliveryPlan(planned, List.of());
    }
}
