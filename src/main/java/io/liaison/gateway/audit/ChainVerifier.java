package io.liaison.gateway.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a trail (the database's, or an export's lines in file order) and its checkpoints. An entry is
 * judged in this order: its place (a sequence seen before → inserted; a sequence from before → moved;
 * a gap → removed, or moved when the missing entry comes later), its own hash (content changed), its
 * link to the entry before (that entry replaced by one with a recomputed hash). Checkpoints: each
 * signature must be the gateway's over its sequence and hash, and the entry it names must carry that
 * hash — a chain rewritten from some entry on, hashes and all, is caught by the next checkpoint.
 */
public final class ChainVerifier {
    private final CheckpointVerifier signatures;

    public ChainVerifier(CheckpointVerifier signatures) {
        this.signatures = signatures;
    }

    /** A read entry and where it was read (an export's line number; 0 for the database). */
    public record Located(AuditEntry entry, long line) {
        String where() {
            return line > 0 ? " (line " + line + ")" : "";
        }
    }

    /**
     * @param first      the sequence the entries must start at (1: the whole trail; 0: unknown)
     * @param last       the sequence they must end at (the recorded head, an export's range; 0: unknown)
     * @param unreadable problems found before (lines that are not entries), already phrased
     */
    public ChainVerdict verify(List<Located> entries, List<AuditCheckpoint> checkpoints, long first, long last,
                               List<String> unreadable) {
        List<String> problems = new ArrayList<>(unreadable);
        Map<Long, Long> firstLineOf = new HashMap<>();
        Map<Long, AuditEntry> bySequence = new HashMap<>();
        for (Located l : entries) {
            firstLineOf.putIfAbsent(l.entry().sequence(), l.line());
            bySequence.putIfAbsent(l.entry().sequence(), l.entry());
        }
        AuditEntry previous = null;
        for (int i = 0; i < entries.size(); i++) {
            Located here = entries.get(i);
            AuditEntry e = here.entry();
            Optional<String> problem = placeProblem(previous, here, entries, i, first, firstLineOf);
            if (problem.isEmpty() && !AuditChain.expectedHash(e).equals(e.hash())) {
                problem = Optional.of("entry #" + e.sequence() + here.where() + " was changed: its content no longer matches its hash");
            }
            if (problem.isEmpty() && previous != null && !e.previousHash().equals(previous.hash())) {
                problem = Optional.of("entry #" + previous.sequence() + " was changed or replaced: entry #" + e.sequence()
                        + here.where() + " records a different hash for it");
            }
            if (problem.isEmpty() && previous == null && first == 1 && !e.previousHash().equals(AuditChain.GENESIS)) {
                problem = Optional.of("entry #" + e.sequence() + here.where() + " does not start the chain: something before it was removed");
            }
            if (problem.isPresent()) {
                problems.add(problem.get());
                break; // what follows a break cannot be judged against it; the first problem is what matters
            }
            previous = e;
        }
        long found = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).entry().sequence();
        if (problems.isEmpty() && last > found) {
            problems.add(last - found == 1 ? "entry #" + last + " was removed (the trail ends at #" + found + ", its head is #" + last + ")"
                    : "entries #" + (found + 1) + " to #" + last + " were removed (the trail ends at #" + found + ", its head is #" + last + ")");
        } else if (problems.isEmpty() && last > 0 && found > last) {
            problems.add("an entry was inserted: #" + found + " lies beyond the chain's recorded head #" + last);
        }
        for (AuditCheckpoint cp : checkpoints) {
            Optional<String> bad = signatures.problem(cp);
            if (bad.isPresent()) {
                problems.add("checkpoint at entry #" + cp.sequence() + " is forged: " + bad.get());
                continue;
            }
            AuditEntry named = bySequence.get(cp.sequence());
            if (named != null && !named.hash().equals(cp.hash())) {
                problems.add("entry #" + cp.sequence() + " differs from the checkpoint signed for it: the chain up to #"
                        + cp.sequence() + " was rewritten");
            } else if (named == null && cp.sequence() > found) {
                problems.add("entries after #" + found + " were removed: the checkpoint signed at "
                        + cp.at() + " names entry #" + cp.sequence());
            }
        }
        return new ChainVerdict(entries.size(), checkpoints.size(), found, problems);
    }

    private static Optional<String> placeProblem(AuditEntry previous, Located here, List<Located> entries, int index,
                                                 long first, Map<Long, Long> firstLineOf) {
        AuditEntry e = here.entry();
        long expected = previous == null ? (first > 0 ? first : e.sequence()) : previous.sequence() + 1;
        if (e.sequence() == expected) {
            return Optional.empty();
        }
        if (previous != null && e.sequence() <= previous.sequence()) {
            if (indexOfSequence(entries, e.sequence()) < index) {
                Long firstLine = firstLineOf.get(e.sequence());
                return Optional.of("an entry was inserted: #" + e.sequence() + here.where() + " appears a second time"
                        + (firstLine != null && firstLine > 0 ? " (first at line " + firstLine + ")" : ""));
            }
            return Optional.of("entry #" + e.sequence() + here.where() + " was moved: it comes after #" + previous.sequence());
        }
        // a gap: the missing entry is further on (moved) or nowhere (removed)
        int later = indexOfSequence(entries, expected);
        if (later > index) {
            return Optional.of("entry #" + expected + entries.get(later).where() + " was moved: it should come before #"
                    + e.sequence() + here.where());
        }
        return Optional.of(expected == e.sequence() - 1
                ? "entry #" + expected + " was removed (the trail goes from #" + (expected - 1) + " to #" + e.sequence() + here.where() + ")"
                : "entries #" + expected + " to #" + (e.sequence() - 1) + " were removed (the trail goes from #" + (expected - 1)
                        + " to #" + e.sequence() + here.where() + ")");
    }

    private static int indexOfSequence(List<Located> entries, long sequence) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).entry().sequence() == sequence) {
                return i;
            }
        }
        return -1;
    }
}
