package io.liaison.gateway.dispatch;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.Acceptance;
import io.liaison.gateway.store.NoticeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records the acceptances of one channel: each is journaled at once, and committed to the store in
 * batches. Thread-safe: the channel's hand-overs may finish on several threads at once, and go on
 * journaling while a batch commits (its lines are in a sealed journal segment by then).
 */
public final class AcceptanceRecorder {
    private final NoticeStore store;
    private final ChannelKind channel;
    private final Optional<AcceptanceJournal> journal;
    private final int batch;
    /** Without a journal: commits with the other channels' acceptances (see {@link AcceptanceGroupCommit}). */
    private final Optional<AcceptanceGroupCommit> together;
    private final Object committing = new Object();
    private List<Acceptance> pending = new ArrayList<>();
    /** One hand-over has taken it on itself to commit the full batch; the others go on. */
    private boolean commitDue;

    /** @param journal empty to commit every acceptance before the next hand-over, one transaction each */
    AcceptanceRecorder(NoticeStore store, ChannelKind channel, Optional<AcceptanceJournal> journal, int batch) {
        this(store, channel, journal, batch, Optional.empty());
    }

    private AcceptanceRecorder(NoticeStore store, ChannelKind channel, Optional<AcceptanceJournal> journal, int batch,
                               Optional<AcceptanceGroupCommit> together) {
        this.store = store;
        this.channel = channel;
        this.journal = journal;
        this.batch = journal.isPresent() ? batch : 1;
        this.together = journal.isPresent() ? Optional.empty() : together;
    }

    /** This recorder, committing with {@code group} when it has no journal (a journal's batches stay its own). */
    AcceptanceRecorder together(AcceptanceGroupCommit group) {
        return new AcceptanceRecorder(store, channel, journal, batch, Optional.of(group));
    }

    /**
     * After a crash: commits what the journal of {@code channel} holds (for SMS, with the part ids
     * receipts are matched by), then empties it. Returns how many deliveries changed.
     */
    public static int recover(NoticeStore store, ChannelKind channel, AcceptanceJournal journal) {
        List<Acceptance> left = journal.pending();
        int changed = store.markAllSent(channel, left);
        journal.clear();
        return changed;
    }

    /**
     * Journals one acceptance; the one that fills a batch commits it before returning, while those
     * finishing meanwhile only journal theirs (they would otherwise each queue to commit a handful).
     * Without a journal, every acceptance is committed before this returns.
     */
    void accepted(long deliveryId, String serverId, Instant at) {
        Acceptance a = new Acceptance(deliveryId, serverId, at);
        if (together.isPresent()) {
            together.get().commit(channel, a);
            return;
        }
        boolean commit;
        synchronized (this) {
            journal.ifPresent(j -> j.append(a));
            pending.add(a);
            commit = journal.isEmpty() || (pending.size() >= batch && !commitDue);
            commitDue |= commit;
        }
        if (commit) {
            flush();
        }
    }

    /**
     * Commits what is pending, one batch at a time; if the store fails, the batch stays pending (and in
     * its journal segment) for the next try or start.
     */
    void flush() {
        synchronized (committing) {
            List<Acceptance> batchToCommit;
            long segment;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return;
                }
                commitDue = false;
                segment = journal.map(AcceptanceJournal::seal).orElse(0L);
                batchToCommit = pending;
                pending = new ArrayList<>();
            }
            try {
                store.markAllSent(channel, batchToCommit);
            } catch (RuntimeException e) {
                synchronized (this) {
                    batchToCommit.addAll(pending);
                    pending = batchToCommit;
                }
                throw e;
            }
            // A segment left by a batch that failed before is in the store now too.
            journal.ifPresent(j -> j.dropThrough(segment));
        }
    }
}
