package io.liaison.gateway.dispatch;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.Acceptance;
import io.liaison.gateway.store.NoticeStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The acceptances of every channel of one gateway, committed together, for a database several gateways
 * share (no journal: each acceptance is in the database before its hand-over's slot is free again, since a
 * stopped gateway's disk is no other gateway's to read). Each commit is one transaction and one append to
 * the audit trail's chain, so the e-mail and SMS hand-overs finishing at once share it rather than queue for
 * the chain's head one channel after the other: on PostgreSQL that queue, not the disk, set the pace.
 *
 * <p>Each acceptance takes a ticket. Whoever finds its own ticket not yet committed commits everything
 * pending; the others wait for that commit and return. A caller whose acceptance went with another's must
 * not commit the few that arrived meanwhile: the callers queued behind it would each do the same, and the
 * commits would shrink to one acceptance each. A commit that fails puts its acceptances back, in front,
 * before the next may start, so each caller either sees its own acceptance committed (by itself or
 * another) or gets the failure.
 */
public final class AcceptanceGroupCommit {
    private final NoticeStore store;
    private final Object committing = new Object();
    private Map<ChannelKind, List<Acceptance>> pending = new EnumMap<>(ChannelKind.class);
    /** Tickets handed out, and the highest committed: pending holds exactly those after {@code committed}. */
    private long issued;
    private long committed;

    public AcceptanceGroupCommit(NoticeStore store) {
        this.store = store;
    }

    /** Returns once {@code acceptance} is committed, in this call's transaction or another's. */
    void commit(ChannelKind channel, Acceptance acceptance) {
        long ticket;
        synchronized (this) {
            pending.computeIfAbsent(channel, k -> new ArrayList<>()).add(acceptance);
            ticket = ++issued;
        }
        synchronized (committing) {
            Map<ChannelKind, List<Acceptance>> batch;
            long through;
            synchronized (this) {
                if (committed >= ticket) {
                    return; // went with another's commit while this call waited for its turn
                }
                batch = pending;
                through = issued;
                pending = new EnumMap<>(ChannelKind.class);
            }
            try {
                store.markAllSent(batch);
            } catch (RuntimeException e) {
                synchronized (this) {
                    pending.forEach((kind, more) -> batch.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(more));
                    pending = batch;
                }
                throw e;
            }
            synchronized (this) {
                committed = through;
            }
        }
    }
}
