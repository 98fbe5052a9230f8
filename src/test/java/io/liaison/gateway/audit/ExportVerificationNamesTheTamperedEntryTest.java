package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export of twelve entries with checkpoints every five: untouched it verifies; an edited, a deleted,
 * an inserted and a moved line, and a forged checkpoint, are each named.
 */
class ExportVerificationNamesTheTamperedEntryTest {
    @TempDir
    Path dir;
    private AuditTrailFixture trail;
    private Path export;

    @BeforeEach
    void exportTwelveEntries() throws Exception {
        trail = new AuditTrailFixture(5);
        trail.record(12);
        trail.checkpoints.checkpointNow();
        export = dir.resolve("audit.jsonl");
        AuditExport.write(export, trail.log.read(Optional.empty(), Optional.empty()), trail.log.checkpoints());
    }

    @AfterEach
    void close() {
        trail.close();
    }

    private ChainVerdict verify() throws Exception {
        return AuditExport.read(export).verify(trail.verifier());
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws Exception {
        Files.writeString(export, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static void assertNames(ChainVerdict verdict, String... words) {
        assertFalse(verdict.intact(), "tampering went unnoticed");
        for (String w : words) {
            assertTrue(verdict.problems().get(0).contains(w), "expected '" + w + "' in: " + verdict.problems());
        }
    }

    @Test
    void untouchedExportVerifiesWithItsCheckpoints() throws Exception {
        ChainVerdict verdict = verify();
        assertTrue(verdict.intact(), verdict.problems().toString());
        assertEquals(12, verdict.entries());
        assertEquals(3, verdict.checkpoints(), "checkpoints at #5, #10 and the head #12");
    }

    @Test
    void namesAnEditedEntry() throws Exception {
        List<String> lines = lines();
        lines.set(6, lines.get(6).replace("\"n\":\"7\"", "\"n\":\"8\""));
        write(lines);
        assertNames(verify(), "entry #7", "line 7", "changed");
    }

    @Test
    void namesAnEditedEntryWhoseHashWasRecomputed() throws Exception {
        List<AuditEntry> entries = new ArrayList<>(trail.log.read(Optional.empty(), Optional.empty()));
        AuditEntry e = entries.get(6);
        AuditEvent forged = new AuditEvent(e.who(), AuditAction.NOTICE_REFUSED, e.reference(), e.details());
        entries.set(6, AuditChain.seal(e.sequence(), e.at(), forged, e.previousHash()));
        AuditExport.write(export, entries, trail.log.checkpoints());
        assertNames(verify(), "entry #7", "changed or replaced");
    }

    @Test
    void namesADeletedEntry() throws Exception {
        List<String> lines = lines();
        lines.remove(3);
        write(lines);
        assertNames(verify(), "entry #4", "removed");
    }

    @Test
    void namesDeletedEntriesAtTheEnd() throws Exception {
        List<String> lines = lines();
        write(lines.subList(0, 10));
        assertNames(verify(), "#11", "removed");
    }

    @Test
    void namesAnInsertedEntry() throws Exception {
        List<String> lines = lines();
        // a forged entry chained properly after #3, given #4's number: the original #4 then appears twice
        AuditEntry third = AuditChain.parseLine(lines.get(2));
        AuditEntry forged = AuditChain.seal(4, third.at(), AuditEvent.of(ActorRef.of("meti-liaison", "meti"),
                AuditAction.CONFIRMATION_RECORDED, "NISC-2026-1001", java.util.Map.of()), third.hash());
        lines.add(3, AuditChain.line(forged));
        write(lines);
        assertNames(verify(), "inserted", "#4", "line 5");
    }

    @Test
    void namesAMovedEntry() throws Exception {
        List<String> lines = lines();
        String fifth = lines.remove(4);
        lines.add(5, fifth);
        write(lines);
        assertNames(verify(), "entry #5", "moved");
    }

    @Test
    void namesAForgedCheckpoint() throws Exception {
        OpenPgpGatewayKey impostor = OpenPgpGatewayKey.load(AuditTrailFixture.KEYS.resolve("secret/nisc-duty.sec.asc"),
                PassphraseSource.fromFile(AuditTrailFixture.KEYS.resolve("gateway/passphrase.txt")));
        List<AuditCheckpoint> cps = new ArrayList<>(trail.log.checkpoints());
        AuditCheckpoint real = cps.get(1);
        cps.set(1, OpenPgpCheckpoints.signer(impostor).sign(real.sequence(), real.hash(), real.at()));
        AuditExport.write(export, trail.log.read(Optional.empty(), Optional.empty()), cps);
        assertNames(verify(), "checkpoint at entry #10", "forged");
    }

    @Test
    void namesACheckpointWhoseSignatureWasMovedToAnotherHead() throws Exception {
        String text = Files.readString(AuditExport.checkpointsOf(export));
        AuditCheckpoint first = trail.log.checkpoints().get(0);
        AuditEntry sixth = trail.log.read(Optional.empty(), Optional.empty()).get(5);
        // a genuine signature, claimed for another head
        Files.writeString(AuditExport.checkpointsOf(export), text.replace("checkpoint 5 " + first.hash(), "checkpoint 6 " + sixth.hash()));
        assertNames(verify(), "checkpoint at entry #6", "forged");
    }
}
