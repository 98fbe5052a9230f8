package io.liaison.gateway.dispatch;

import io.liaison.gateway.store.Acceptance;
import io.liaison.gateway.store.NoticeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records the acceptances of one channel: each is journaled at once, and committed to the store in
 * batches. Used by the channel's dispatcher thread only.
 */
public final class AcceptanceRecorder {
    private final NoticeStore store;
    private final Optional<AcceptanceJournal> journal;
    private final int batch;
    private final List<Acceptance> pending = new ArrayList<>();

    /** @param journal empty to commit every acceptance before the next hand-over, one transaction each */
    AcceptanceRecorder(NoticeStore store, Optional<AcceptanceJournal> journal, int batch) {
        this.store = store;
        this.journal = journal;
        this.batch = journal.isPresent() ? batch : 1;
    }

    /** After a crash: commits what the journal holds, then empties it. Returns how many deliveries changed. */
    public static int recover(NoticeStore store, AcceptanceJournal journal) {
        List<Acceptance> left = journal.pending();
        int changed = store.markAllSent(left);
        journal.clear();
        return changed;
    }

    void accepted(long deliveryId, String serverId, Instant at) {
        Acceptance a = new Acceptance(deliveryId, serverId, at);
        journal.ifPresent(j -> j.append(a));
        pending.add(a);
        if (pending.size() >= batch) {
            flush();
        }
    }

    /** Commits what is pending; if the store fails, the journal still holds it for the next try or start. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        store.markAllSent(pending);
        pending.clear();
        journal.ifPresent(AcceptanceJournal::clear);
    }
}
