package io.liaison.gateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signs the chain head every {@code every} entries and, when entries came since, every {@code interval}
 * on the gateway's clock. Its timer route calls {@link #checkpointIfDue()}; {@link #checkpointNow()}
 * signs the head at once (before an export, at a stop). The head is read committed, so a checkpoint
 * never names an entry a transaction may still roll back, and signing never holds the chain's lock.
 */
public final class AuditCheckpoints {
    private final AuditLog log;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final long every;
    private final Duration interval;
    private long lastSequence;
    private Instant lastAt;

    public AuditCheckpoints(AuditLog log, CheckpointSigner signer, Clock clock, long every, Duration interval) {
        if (every < 1) {
            throw new IllegalArgumentException("setting gateway.audit.checkpoint-every: must be at least 1, was " + every);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("setting gateway.audit.checkpoint-interval: must be positive, was " + interval);
        }
        this.log = log;
        this.signer = signer;
        this.clock = clock;
        this.every = every;
        this.interval = interval;
        List<AuditCheckpoint> done = log.checkpoints();
        AuditCheckpoint last = done.isEmpty() ? null : done.get(done.size() - 1);
        this.lastSequence = last == null ? 0 : last.sequence();
        this.lastAt = last == null ? clock.instant() : last.at();
    }

    /** Signs the head when {@code every} entries came since the last checkpoint, or {@code interval} passed with any. */
    public synchronized Optional<AuditCheckpoint> checkpointIfDue() {
        Optional<AuditEntry> head = log.head();
        if (head.isEmpty() || head.get().sequence() <= lastSequence) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean enoughEntries = head.get().sequence() - lastSequence >= every;
        boolean longEnough = !now.isBefore(lastAt.plus(interval));
        return enoughEntries || longEnough ? Optional.of(sign(head.get(), now)) : Optional.empty();
    }

    /** Signs the current head unless it is signed already. */
    public synchronized Optional<AuditCheckpoint> checkpointNow() {
        Optional<AuditEntry> head = log.head();
        if (head.isEmpty() || head.get().sequence() <= lastSequence) {
            return Optional.empty();
        }
        return Optional.of(sign(head.get(), clock.instant()));
    }

    private AuditCheckpoint sign(AuditEntry head, Instant now) {
        AuditCheckpoint cp = signer.sign(head.sequence(), head.hash(), now);
        log.saveCheckpoint(cp);
        lastSequence = cp.sequence();
        lastAt = now;
        return cp;
    }
}
