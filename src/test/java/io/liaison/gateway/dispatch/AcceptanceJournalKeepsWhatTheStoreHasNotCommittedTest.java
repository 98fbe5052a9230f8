package io.liaison.gateway.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.Acceptance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed gateway leaves in its acceptance journal is read back whole by the next start; a
 * line the kill cut short is not taken for an acceptance; once the store has it all, nothing is left;
 * hand-overs finishing on several threads at once never mix their lines.
 */
class AcceptanceJournalKeepsWhatTheStoreHasNotCommittedTest {
    @TempDir
    Path dir;

    @Test
    void acceptancesWrittenBeforeAKillAreReadBackByTheNextStart() throws Exception {
        Path file = dir.resolve("email-acceptances.journal");
        Instant at = Instant.parse("2026-04-01T01:02:03.456Z");
        AcceptanceJournal before = AcceptanceJournal.open(file);
        before.append(new Acceptance(41, "<NISC-EW-2026-00001.41@nisc.sample.invalid>", at));
        before.append(new Acceptance(42, "msg-7,msg-8", at.plusMillis(5)));
        // no close(): a killed process does not get to close anything
        Files.writeString(file, "43\t17", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AcceptanceJournal after = AcceptanceJournal.open(file);
        List<Acceptance> pending = after.pending();

        assertEquals(List.of(new Acceptance(41, "<NISC-EW-2026-00001.41@nisc.sample.invalid>", at),
                new Acceptance(42, "msg-7,msg-8", at.plusMillis(5))), pending);
        after.clear();
        assertTrue(after.pending().isEmpty());
        after.append(new Acceptance(44, "id\twith\ttabs\nand a newline", at));
        assertEquals(List.of(new Acceptance(44, "id with tabs and a newline", at)), after.pending());
        after.close();
        before.close();
    }

    @Test
    void acceptancesJournaledFromSeveralHandOverThreadsAtOnceAreEachReadBackWhole() throws Exception {
        AcceptanceJournal journal = AcceptanceJournal.open(dir.resolve("sms-acceptances.journal"));
        Instant at = Instant.parse("2026-04-01T01:02:03.456Z");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    long id = thread * 1000L + i;
                    journal.append(new Acceptance(id, "id-" + id + "-1,id-" + id + "-2", at));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();

        List<Acceptance> pending = journal.pending();
        assertEquals(2000, pending.size());
        assertEquals(2000, pending.stream().map(Acceptance::deliveryId).distinct().count());
        assertTrue(pending.stream().allMatch(a -> a.serverId().equals("id-" + a.deliveryId() + "-1,id-" + a.deliveryId() + "-2")
                && a.at().equals(at)));
        journal.close();
    }

    @Test
    void aSealedBatchTheStoreHadNotCommittedWhenKilledIsReadBackBeforeWhatCameAfter() throws Exception {
        Path file = dir.resolve("sms-acceptances.journal");
        Instant at = Instant.parse("2026-04-01T01:02:03.456Z");
        AcceptanceJournal before = AcceptanceJournal.open(file);
        before.append(new Acceptance(1, "A1", at));
        before.append(new Acceptance(2, "A2", at));
        long first = before.seal(); // a batch goes to the store
        before.append(new Acceptance(3, "A3,A4", at));
        before.seal(); // the next batch, while the first one commits
        before.append(new Acceptance(4, "A5", at));
        before.dropThrough(first); // the first batch is in the store
        // killed here: the second batch sealed but not committed, one line written since

        AcceptanceJournal after = AcceptanceJournal.open(file);
        assertEquals(List.of(new Acceptance(3, "A3,A4", at), new Acceptance(4, "A5", at)), after.pending());
        after.append(new Acceptance(5, "A6", at));
        after.seal();
        assertEquals(3, after.pending().size(), "a new segment never overwrites one left by the kill");
        after.clear();
        assertTrue(after.pending().isEmpty());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString()), left.map(p -> p.getFileName().toString()).toList());
        }
        after.close();
        before.close();
    }
}
