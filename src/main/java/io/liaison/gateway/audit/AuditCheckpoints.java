package io.liaison.gateway.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.liaison.gateway.store.JobLock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Signs the chain head every {@code every} entries and, when entries came since, every {@code interval}
 * on the gateway's clock. Its timer route calls {@link #checkpointIfDue()}; {@link #checkpointNow()}
 * signs the head at once (before an export, at a stop). The head is read committed, so a checkpoint
 * never names an entry a transaction may still roll back, and signing never holds the chain's lock.
 * Gateways sharing a database take turns ({@link #oneGatewayAtATime}) and each starts from the last
 * checkpoint any of them signed, so the cluster signs one checkpoint per due point, not one per gateway.
 */
public final class AuditCheckpoints {
    private final AuditLog log;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final long every;
    private final Duration interval;
    private long lastSequence;
    private Instant lastAt;
    private volatile JobLock jobs = JobLock.local();

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

    /** Takes turns with the other gateways on the database: the run of a gateway whose turn it is not is skipped. */
    public AuditCheckpoints oneGatewayAtATime(JobLock lock) {
        this.jobs = lock;
        return this;
    }

    /** Signs the head when {@code every} entries came since the last checkpoint, or {@code interval} passed with any. */
    public Optional<AuditCheckpoint> checkpointIfDue() {
        AtomicReference<Optional<AuditCheckpoint>> signed = new AtomicReference<>(Optional.empty());
        jobs.runAlone("audit-checkpoints", () -> signed.set(checkpointIfDueHere()));
        return signed.get();
    }

    private synchronized Optional<AuditCheckpoint> checkpointIfDueHere() {
        catchUp();
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
        catchUp();
        Optional<AuditEntry> head = log.head();
        if (head.isEmpty() || head.get().sequence() <= lastSequence) {
            return Optional.empty();
        }
        return Optional.of(sign(head.get(), clock.instant()));
    }

    /** Another gateway's checkpoint counts as this one's. */
    private void catchUp() {
        log.lastCheckpoint().filter(cp -> cp.sequence() > lastSequence).ifPresent(cp -> {
            lastSequence = cp.sequence();
            lastAt = cp.at();
        });
    }

    private AuditCheckpoint sign(AuditEntry head, Instant now) {
        AuditCheckpoint cp = signer.sign(head.sequence(), head.hash(), now);
        log.saveCheckpoint(cp);
        lastSequence = cp.sequence();
        lastAt = now;
        return cp;
    }
}
