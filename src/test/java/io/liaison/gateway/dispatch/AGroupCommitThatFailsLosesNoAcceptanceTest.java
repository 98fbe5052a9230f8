package io.liaison.gateway.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.store.Acceptance;
import io.liaison.gateway.store.ClaimLease;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where several gateways share the database, the channels' acceptances are committed together
 * ({@link AcceptanceGroupCommit}). A commit that fails must put its acceptances back: the next caller commits
 * them with its own, and every hand-over either sees its acceptance committed or gets the failure.
 */
class AGroupCommitThatFailsLosesNoAcceptanceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T01:00:00Z"));
    private Database database;
    private NoticeStore store;

    @BeforeEach
    void open() {
        database = TestDatabase.orH2("jdbc:h2:mem:group-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").open();
        store = new JdbcNoticeStore(database.dataSource(), new ClaimLease("node-a", Duration.ofMinutes(5)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theAcceptanceOfAFailedCommitIsCommittedWithTheNextOne() {
        String ref = store.accept(draft(), "nisc", "NISC-EW-2026", plan(1), clock.instant()).value();
        Delivery mail = store.claimDue(ChannelKind.EMAIL, clock.instant(), 10).get(0);
        Delivery sms = store.claimDue(ChannelKind.SMS, clock.instant(), 10).get(0);
        AtomicInteger failuresLeft = new AtomicInteger(1);
        AcceptanceGroupCommit group = new AcceptanceGroupCommit(failingFirst(failuresLeft));

        assertThrows(IllegalStateException.class, () -> group.commit(ChannelKind.EMAIL, new Acceptance(mail.id(), "<m@smtp>", clock.instant())));
        assertEquals(Map.of(DeliveryState.SENDING, 2L), store.deliveryCounts(ref), "nothing recorded by the failed commit");

        group.commit(ChannelKind.SMS, new Acceptance(sms.id(), "s-1", clock.instant()));
        assertEquals(Map.of(DeliveryState.SENT, 2L), store.deliveryCounts(ref), "the e-mail's acceptance went with the SMS's");
    }

    @Test
    void everyAcceptanceOfHandOversFinishingAtOnceIsCommitted() throws Exception {
        String ref = store.accept(draft(), "nisc", "NISC-EW-2026", plan(40), clock.instant()).value();
        List<Delivery> claimed = new ArrayList<>(store.claimDue(ChannelKind.EMAIL, clock.instant(), 100));
        claimed.addAll(store.claimDue(ChannelKind.SMS, clock.instant(), 100));
        AcceptanceGroupCommit group = new AcceptanceGroupCommit(store);
        ExecutorService handOvers = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Delivery d : claimed) {
                done.add(handOvers.submit(() -> group.commit(d.channel(), new Acceptance(d.id(), "id-" + d.id(), clock.instant()))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            handOvers.shutdownNow();
        }
        assertEquals(Map.of(DeliveryState.SENT, 80L), store.deliveryCounts(ref));
    }

    private NoticeStore failingFirst(AtomicInteger failuresLeft) {
        return (NoticeStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {NoticeStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("markAllSent") && args.length == 1 && failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("database unreachable");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static NoticeDraft draft() {
        return new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty", "group", "至急確認を",
                "本文 / body", new Target(List.of("electric-power"), List.of(), false));
    }

    private static DeliveryPlan plan(int pocs) {
        List<PlannedDelivery> planned = new ArrayList<>();
        for (int i = 0; i < pocs; i++) {
            planned.add(new PlannedDelivery("east-power", "poc-" + i, ChannelKind.EMAIL, "soc" + i + "@east-power.example", DeliveryRole.DIRECT));
            planned.add(new PlannedDelivery("east-power", "poc-" + i, ChannelKind.SMS, String.format("+8190%08d", i), DeliveryRole.DIRECT));
        }
        return new DeliveryPlan(planned, List.of());
    }
}
