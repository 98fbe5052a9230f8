package io.liaison.gateway.inbound.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.inbound.StoredInbound;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus: every message an attacker (or a broken client) might send, built from the sample
 * keys on the corpus clock, each through the real intake on one H2 database. Each must end exactly as its
 * case says — the exact reason code, or accepted — without the intake throwing; a quarantined one is
 * stored with its reason, acts on nothing (no acknowledgement, no relay) and tells only the point of
 * contact registered for the claimed From address, or nobody.
 *
 * <p>Cases marked FINDING pin what today's intake does where it is wrong, and name what it should do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {
    static final List<CorpusCategory> CATEGORIES = List.of(new AcceptedControlCases(), new SpoofingCases(), new WrongSignerCases(),
            new AgreementCases(), new EditedMarkingCases(), new ReplayCases(), new WrappingCases(), new BombCases(),
            new MalformedMimeCases(), new CharsetAndUnicodeCases(), new HeaderInjectionCases());

    @TempDir
    static Path work;
    private CorpusGateway gateway;
    private CorpusMail mail;

    @BeforeAll
    void startGateway() throws Exception {
        CorpusKeys keys = new CorpusKeys(work);
        gateway = new CorpusGateway(keys.directoryFile, work.resolve("db/corpus"), new MutableClock(CorpusMail.NOW));
        String reference = gateway.noticeSentTo(List.of("east-power", "west-power", "power-ceptoar", "mic", "fsa", "telecom-a"));
        String eastOnly = gateway.noticeSentTo(List.of("east-power"));
        mail = new CorpusMail(reference, eastOnly, keys);
    }

    @AfterAll
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theCorpusHoldsAtLeastAHundredNamedCasesInEveryCategory() {
        Set<String> names = new HashSet<>();
        int total = 0;
        for (CorpusCategory category : CATEGORIES) {
            assertTrue(category.cases().size() >= 3, category.title() + " has " + category.cases().size() + " cases");
            for (CorpusCase c : category.cases()) {
                assertTrue(names.add(c.name()), "case name used twice: " + c.name());
                total++;
            }
        }
        assertTrue(total >= 100, "the corpus holds " + total + " cases");
    }

    /**
     * One container per category, cases in order. Cases that replay across a restart share one restart:
     * their originals are all sent first, the gateway is restarted on the same database once, then each
     * replay is judged by the new gateway.
     */
    @TestFactory
    Stream<DynamicContainer> hostileCorpus() {
        return CATEGORIES.stream().map(category -> {
            List<CorpusCase> cases = category.cases();
            List<CorpusCase> acrossRestart = cases.stream().filter(CorpusCase::restartFirst).toList();
            Stream<DynamicTest> before = cases.stream().filter(c -> !c.restartFirst())
                    .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> run(c)));
            Stream<DynamicTest> restart = acrossRestart.isEmpty() ? Stream.empty()
                    : Stream.of(DynamicTest.dynamicTest("the originals of " + acrossRestart.size()
                            + " replays are judged, then a new gateway starts on the same database", () -> {
                        for (CorpusCase c : acrossRestart) {
                            sendEarlierSteps(c);
                        }
                        gateway.restart();
                    }));
            Stream<DynamicTest> after = acrossRestart.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
                assertTrue(gateway.restarts > 0, "the restart step ran first");
                judge(c.name(), c.message().apply(mail), c.expected());
            }));
            return DynamicContainer.dynamicContainer(category.title() + " (" + cases.size() + ")",
                    Stream.of(before, restart, after).flatMap(s -> s));
        });
    }

    private void run(CorpusCase c) {
        sendEarlierSteps(c);
        judge(c.name(), c.message().apply(mail), c.expected());
    }

    private void sendEarlierSteps(CorpusCase c) {
        int step = 0;
        for (CorpusCase.Step earlier : c.before()) {
            judge(c.name() + " (step " + ++step + ")", earlier.message().apply(mail), earlier.expected());
        }
    }

    private void judge(String label, byte[] raw, Expected expected) {
        List<String> noticesBefore = gateway.notices.notices().stream().map(StoredNotice::reference).toList();
        int acknowledgementsBefore = acknowledgements();

        InboundOutcome outcome = assertDoesNotThrow(() -> gateway.intake.receiveRaw(raw), label + ": the intake threw");

        String why = label + ": " + outcome.detail().orElse(outcome.toString());
        assertEquals(expected.status(), outcome.status(), why);
        assertEquals(expected.reason(), outcome.reason(), why);
        assertEquals(expected.duplicate(), outcome.duplicate(), label + ": judged as a duplicate of stored bytes?");
        StoredInbound stored = gateway.inbound.find(outcome.inboundId()).orElseThrow();
        assertEquals(expected.status(), stored.status(), label + ": the stored verdict");
        assertEquals(expected.reason(), stored.reasonCode(), label + ": the stored reason");

        List<StoredNotice> added = gateway.notices.notices().stream().filter(n -> !noticesBefore.contains(n.reference())).toList();
        if (expected.status() == InboundStatus.ACCEPTED && !expected.duplicate()) {
            assertTrue(outcome.outcomeReference().isPresent(), label + ": accepted, so it names what it produced");
            return;
        }
        assertEquals(acknowledgementsBefore, acknowledgements(), label + ": acknowledged nothing");
        assertTrue(added.stream().allMatch(n -> n.kind() == NoticeKind.QUARANTINE_NOTICE),
                label + ": nothing but a quarantine notice was produced: " + added.stream().map(StoredNotice::kind).toList());
        if (expected.duplicate()) {
            assertEquals(List.of(), added, label + ": a duplicate tells nobody again");
        } else if (expected.told().isEmpty()) {
            assertEquals(List.of(), added, label + ": nobody is registered for the claimed From address, so nobody is told");
        } else {
            for (StoredNotice notice : added) {
                List<Delivery> deliveries = gateway.notices.deliveries(notice.reference());
                assertTrue(deliveries.stream().allMatch(d -> d.pocId().equals(expected.told().get())),
                        label + ": told only " + expected.told().get() + ", not " + deliveries.stream().map(Delivery::pocId).toList());
            }
        }
    }

    private int acknowledgements() {
        return gateway.inbound.acknowledgements(mail.reference).size() + gateway.inbound.acknowledgements(mail.eastOnlyReference).size();
    }
}
