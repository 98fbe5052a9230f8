package io.liaison.gateway.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.Acceptance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed gateway leaves in its acceptance journal is read back whole by the next start; a
 * line the kill cut short is not taken for an acceptance; once the store has it all, nothing is left.
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
}
