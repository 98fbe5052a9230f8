package io.liaison.gateway.track.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcConfirmationStore;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.store.jdbc.StoreException;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.SampleDirectory;
import io.liaison.gateway.track.ack.ConfirmationStore.CodeHolder;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codes are six characters, so a database that has issued a few hundred thousand sees clashes in
 * nearly every large draw. A clash costs one more draw of that code, never the batch, and never a
 * failed delivery; codes already issued are kept; a fan-out's codes come in slices, in delivery order.
 */
class ConfirmationCodesStayUniqueWhenDrawsClashTest {
    @TempDir
    Path work;

    private final MutableClock clock = MutableClock.sampleDay();
    private Database database;
    private NoticeStore notices;
    private JdbcConfirmationStore store;

    @BeforeEach
    void open() {
        database = io.liaison.gateway.testing.TestDatabase.fileIn(work, "db").open();
        notices = new JdbcNoticeStore(database.dataSource());
        store = new JdbcConfirmationStore(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aDrawThatClashesWithEarlierCodesRedrawsOnlyTheClashingOnes() {
        String first = send("org-a", "org-b");
        Map<String, String> earlier = store.issueCodes(first, store.awaitingCodes(first),
                draws("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"), clock.instant());
        assertEquals(Set.of("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"), new HashSet<>(earlier.values()));

        String second = send("org-c", "org-d");
        // Clashes with the first notice's codes, and a code drawn twice within the draw.
        Map<String, String> codes = store.issueCodes(second, store.awaitingCodes(second),
                draws("AAAAAA", "EEEEEE", "EEEEEE", "CCCCCC", "FFFFFF", "DDDDDD", "GGGGGG", "HHHHHH"), clock.instant());

        assertEquals(Set.of("org-c-duty", "org-c-deputy", "org-d-duty", "org-d-deputy"), codes.keySet());
        assertEquals(Set.of("EEEEEE", "FFFFFF", "GGGGGG", "HHHHHH"), new HashSet<>(codes.values()));
        assertTrue(store.awaitingCodes(second).isEmpty());
        assertEquals(first, store.findCode("AAAAAA").orElseThrow().reference(), "the earlier code still belongs to its notice");
        assertEquals(second, store.findCode("GGGGGG").orElseThrow().reference());
    }

    @Test
    void aContactThatAlreadyHasACodeKeepsIt() {
        String ref = send("org-a");
        Map<String, String> one = store.issueCodes(ref, List.of(new CodeHolder("org-a", "org-a-deputy")), draws("KKKKKK"),
                clock.instant());
        assertEquals(Map.of("org-a-deputy", "KKKKKK"), one);
        assertEquals(List.of(new CodeHolder("org-a", "org-a-duty")), store.awaitingCodes(ref));

        Map<String, String> all = store.issueCodes(ref, List.of(new CodeHolder("org-a", "org-a-duty"),
                new CodeHolder("org-a", "org-a-deputy")), draws("MMMMMM", "NNNNNN"), clock.instant());

        assertEquals(Map.of("org-a-duty", "MMMMMM", "org-a-deputy", "KKKKKK"), all);
    }

    @Test
    void aCodeSpaceUsedUpIsAClearErrorAndIssuesNothing() {
        String first = send("org-a");
        store.issueCodes(first, store.awaitingCodes(first), draws("AAAAAA", "BBBBBB"), clock.instant());
        String second = send("org-b");

        StoreException e = assertThrows(StoreException.class, () -> store.issueCodes(second, store.awaitingCodes(second),
                () -> "AAAAAA", clock.instant()));

        assertTrue(e.getMessage().contains("gateway.confirmation.code-length"), e.getMessage());
        assertEquals(2, store.awaitingCodes(second).size(), "nothing half-issued");
    }

    @Test
    void aFanOutLargerThanASliceIsIssuedInSlicesInDeliveryOrder() {
        String[] orgs = operators(300);
        String ref = send(orgs);
        ConfirmationDesk desk = new ConfirmationDesk(SampleDirectory.load(clock), notices, store, new ConfirmationCodes(6),
                ZoneId.of("Asia/Tokyo"));

        String last = desk.codeFor(ref, "operator-299", "operator-299-deputy", clock.instant());

        List<CodeHolder> still = store.awaitingCodes(ref);
        assertEquals(600 - ConfirmationDesk.CODES_PER_ISSUE, still.size(), "one slice: the contact asked for and the next ones due");
        // operator-299-deputy and the first 499 in delivery order: operator-0 to operator-248, and operator-249-duty
        assertEquals(new CodeHolder("operator-249", "operator-249-deputy"), still.get(0), "the slice followed delivery order");
        assertEquals(last, store.findCode(last).orElseThrow().code());

        Set<String> codes = new HashSet<>();
        for (String org : orgs) {
            for (String poc : List.of(org + "-duty", org + "-deputy")) {
                codes.add(desk.codeFor(ref, org, poc, clock.instant()));
            }
        }
        assertEquals(600, codes.size(), "every contact its own code");
        assertTrue(store.awaitingCodes(ref).isEmpty());
        assertEquals(last, desk.codeFor(ref, "operator-299", "operator-299-deputy", clock.instant()), "a code never changes");
    }

    @Test
    void codesOfOlderNoticesLeaveTheCacheButNeverChange() {
        String[] orgs = operators(150);
        String first = send(orgs);
        String second = send(orgs);
        ConfirmationDesk desk = new ConfirmationDesk(SampleDirectory.load(clock), notices, store, new ConfirmationCodes(6),
                ZoneId.of("Asia/Tokyo"), 400);

        Map<String, String> firstCodes = new java.util.HashMap<>();
        for (String org : orgs) {
            firstCodes.put(org + "-duty", desk.codeFor(first, org, org + "-duty", clock.instant()));
        }
        for (String org : orgs) {
            desk.codeFor(second, org, org + "-duty", clock.instant()); // 300 more codes: the first notice's make room
        }

        for (String org : orgs) {
            assertEquals(firstCodes.get(org + "-duty"), desk.codeFor(first, org, org + "-duty", clock.instant()),
                    "read back from the store, not issued again");
        }
        assertTrue(store.awaitingCodes(first).isEmpty() && store.awaitingCodes(second).isEmpty());
    }

    @Test
    void afterARestartANoticesCodesAreReadOnceNotSearchedForContactByContact() {
        String[] orgs = operators(300);
        String ref = send(orgs);
        ConfirmationDesk before = new ConfirmationDesk(SampleDirectory.load(clock), notices, store, new ConfirmationCodes(6),
                ZoneId.of("Asia/Tokyo"));
        Map<String, String> issued = new java.util.HashMap<>();
        for (String org : orgs) {
            for (String poc : List.of(org + "-duty", org + "-deputy")) {
                issued.put(poc, before.codeFor(ref, org, poc, clock.instant()));
            }
        }

        // The gateway restarts and resumes the fan-out: a new desk, every code already in the store.
        int[] searches = new int[1];
        ConfirmationStore counting = (ConfirmationStore) java.lang.reflect.Proxy.newProxyInstance(
                ConfirmationStore.class.getClassLoader(), new Class<?>[] {ConfirmationStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("awaitingCodes")) {
                        searches[0]++;
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ConfirmationDesk after = new ConfirmationDesk(SampleDirectory.load(clock), notices, counting, new ConfirmationCodes(6),
                ZoneId.of("Asia/Tokyo"));
        for (String org : orgs) {
            for (String poc : List.of(org + "-duty", org + "-deputy")) {
                assertEquals(issued.get(poc), after.codeFor(ref, org, poc, clock.instant()), "a code never changes");
            }
        }
        assertTrue(searches[0] <= 1, "the notice's deliveries were searched " + searches[0] + " times for 600 contacts");
    }

    private static String[] operators(int n) {
        String[] orgs = new String[n];
        for (int i = 0; i < n; i++) {
            orgs[i] = "operator-" + i;
        }
        return orgs;
    }

    private static Supplier<String> draws(String... codes) {
        Iterator<String> next = List.of(codes).iterator();
        return next::next;
    }

    private String send(String... organisations) {
        NoticeDraft draft = new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty",
                "標的型攻撃の兆候 / Signs of an attack", "至急確認を", "本文 / body", new Target(List.of("electric-power"), List.of(), false));
        return notices.accept(draft, "nisc", "NISC-EW-2026", plan(organisations), clock.instant()).value();
    }

    // Two points of contact per organisation, each by e-mail and SMS: four deliveries, two codes.
    private static DeliveryPlan plan(String... organisations) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        for (String org : organisations) {
            for (String poc : List.of(org + "-duty", org + "-deputy")) {
                deliveries.add(new PlannedDelivery(org, poc, ChannelKind.EMAIL, poc + "@sample.invalid", DeliveryRole.DIRECT));
                deliveries.add(new PlannedDelivery(org, poc, ChannelKind.SMS, "+819000000099", DeliveryRole.DIRECT));
            }
        }
        return new DeliveryPlan(deliveries, List.of());
    }
}
