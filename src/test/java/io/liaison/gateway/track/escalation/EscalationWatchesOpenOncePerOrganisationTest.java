package io.liaison.gateway.track.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.policy.AgreementGate;
import io.liaison.gateway.policy.RecipientPolicy;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcEscalationStore;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.SampleDirectory;
import io.liaison.gateway.track.EscalationAction;
import io.liaison.gateway.track.EscalationWatch;
import io.liaison.gateway.track.escalation.EscalationPolicy.Timing;
import io.liaison.gateway.track.escalation.EscalationStore.NewWatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every recipient organisation of a notice gets one escalation watch, opened with the others of its run
 * in one transaction: never a second one, whether scans overlap, a forward reaches it again or two
 * escalators open the same watches at once; and a hop stored just before a scan but committed after it
 * is still watched.
 */
class EscalationWatchesOpenOncePerOrganisationTest {
    private static final Duration DEADLINE = Duration.ofMinutes(15);

    @TempDir
    Path work;

    private final MutableClock clock = MutableClock.sampleDay();
    private Database database;
    private NoticeStore notices;
    private JdbcEscalationStore watches;
    private Escalator escalator;

    @BeforeEach
    void open() {
        database = io.liaison.gateway.testing.TestDatabase.fileIn(work, "db").open();
        notices = new JdbcNoticeStore(database.dataSource());
        watches = new JdbcEscalationStore(database.dataSource());
        EscalationPolicy policy = new EscalationPolicy(List.of(EscalationAction.RESEND, EscalationAction.STANDBY,
                EscalationAction.DUTY_OFFICER), Map.of(Priority.URGENT, new Timing(DEADLINE, Duration.ofMinutes(10), 0)), "nisc-duty");
        Directory directory = SampleDirectory.load(clock);
        RecipientPolicy recipients = new RecipientPolicy(directory, new AgreementGate(directory, clock, ZoneId.of("Asia/Tokyo")), clock,
                Set.of(ChannelKind.EMAIL, ChannelKind.SMS));
        escalator = new Escalator(notices, watches, policy, new EscalationPlanner(directory, notices, recipients, "nisc-duty"), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aForwardToAnOrganisationAlreadyWatchedOpensOnlyTheNewOne() {
        Instant sent = clock.instant();
        String ref = send(sent, "power-ceptoar", "east-power");
        escalator.runDue();
        assertEquals(Set.of("power-ceptoar", "east-power"), organisations(ref));

        clock.advance(Duration.ofMinutes(2));
        notices.recordForward(ref, "meti", "meti-liaison", plan(DeliveryRole.FORWARD, "east-power", "west-power"), clock.instant());
        escalator.runDue();
        clock.advance(Duration.ofSeconds(1));
        escalator.runDue();

        List<EscalationWatch> open = watches.watches(ref);
        assertEquals(3, open.size(), open.toString());
        EscalationWatch east = open.stream().filter(w -> w.organisationId().equals("east-power")).findFirst().orElseThrow();
        assertEquals(sent.plus(DEADLINE), east.deadlineAt(), "the first delivery starts the wait, not the forward");
        EscalationWatch west = open.stream().filter(w -> w.organisationId().equals("west-power")).findFirst().orElseThrow();
        assertEquals(sent.plus(Duration.ofMinutes(2)).plus(DEADLINE), west.deadlineAt());
    }

    @Test
    void aHopCommittedAfterAScanThatCoveredItsTimeIsStillWatched() {
        escalator.runDue();
        Instant scanned = clock.instant();
        clock.advance(Duration.ofSeconds(1));

        // Stamped before the last scan, committed after it: a slow transaction.
        String ref = send(scanned.minusSeconds(30), "power-ceptoar");
        escalator.runDue();

        assertEquals(Set.of("power-ceptoar"), organisations(ref));
    }

    @Test
    void twoEscalatorsOpeningTheSameWatchesAtOnceOpenEachOnce() throws Exception {
        String[] orgs = new String[40];
        for (int i = 0; i < orgs.length; i++) {
            orgs[i] = "operator-" + i;
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String ref = send(clock.instant(), orgs);
                List<NewWatch> all = new ArrayList<>();
                for (String org : orgs) {
                    all.add(new NewWatch(ref, org, clock.instant(), clock.instant().plus(DEADLINE), 3));
                }
                List<NewWatch> backwards = new ArrayList<>(all);
                Collections.reverse(backwards);

                Future<Integer> a = two.submit(() -> watches.openAll(all));
                Future<Integer> b = two.submit(() -> watches.openAll(backwards));

                assertEquals(orgs.length, a.get() + b.get());
                assertEquals(orgs.length, watches.watches(ref).size());
                assertEquals(0, watches.openAll(all), "a later scan finds them all open");
                clock.advance(Duration.ofSeconds(1));
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(0, watches.unwatched(watches.hopsSince(MutableClock.sampleDay().instant())).size());
    }

    private String send(Instant at, String... organisations) {
        NoticeDraft draft = new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty",
                "標的型攻撃の兆候 / Signs of an attack", "至急確認を", "本文 / body", new Target(List.of("electric-power"), List.of(), false));
        return notices.accept(draft, "nisc", "NISC-EW-2026", plan(DeliveryRole.DIRECT, organisations), at).value();
    }

    // Two points of contact per organisation, each by e-mail and SMS: four deliveries, one watch.
    private static DeliveryPlan plan(DeliveryRole role, String... organisations) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        for (String org : organisations) {
            for (String poc : List.of(org + "-duty", org + "-deputy")) {
                deliveries.add(new PlannedDelivery(org, poc, ChannelKind.EMAIL, poc + "@sample.invalid", role));
                deliveries.add(new PlannedDelivery(org, poc, ChannelKind.SMS, "+819000000099", role));
            }
        }
        return new DeliveryPlan(deliveries, List.of());
    }

    private Set<String> organisations(String ref) {
        return watches.watches(ref).stream().map(EscalationWatch::organisationId).collect(Collectors.toSet());
    }
}
