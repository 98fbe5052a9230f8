package io.liaison.gateway.dispatch;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a dispatcher's hand-overs run: one at a time on the dispatcher's own thread, or up to
 * {@code max} at once on a pool. A server that answers each message in turn (an SMSC's
 * submit_sm_resp) then costs one round trip per {@code max} messages rather than per message, and
 * every message still waits for its own answer before it counts as accepted.
 *
 * <p>The dispatcher asks for a hand-over alone while its server is not known to be answering (before
 * the first acceptance, after a temporary failure), so an outage or throttling costs one attempt at a
 * time, counted by the circuit breaker as it would be without a pool.
 *
 * <p>A hand-over that throws (a bug or a store failure, never a refusal: those are outcomes; or an
 * {@code Error}) stops further ones; what it threw reaches the dispatcher's thread at its next
 * {@link #start} or {@link #rethrow}, as it would have without a pool, and the dispatcher returns its
 * unsettled claims to the queue.
 */
public final class HandOvers {
    private final int max;
    private final Optional<Executor> threads;
    private final Semaphore slots;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private HandOvers(int max, Optional<Executor> threads) {
        this.max = max;
        this.threads = threads;
        this.slots = new Semaphore(max);
    }

    /** Each hand-over on the dispatcher's thread, the next one only after the last one's answer. */
    public static HandOvers oneAtATime() {
        return new HandOvers(1, Optional.empty());
    }

    /**
     * Up to {@code max} hand-overs at once on {@code threads}, which must be able to run that many at
     * once; {@code max} 1 is {@link #oneAtATime()}.
     */
    public static HandOvers upTo(int max, Executor threads) {
        if (max < 1) {
            throw new IllegalArgumentException("hand-overs in flight must be at least 1, was " + max);
        }
        return max == 1 ? oneAtATime() : new HandOvers(max, Optional.of(threads));
    }

    /** The most hand-overs under way at once: after a crash, this many messages may go twice. */
    public int max() {
        return max;
    }

    /**
     * Runs {@code handOver} on the pool once fewer than {@code max} are under way; or, when {@code alone}
     * (or there is no pool), on this thread once none is.
     */
    void start(Runnable handOver, boolean alone) {
        rethrow();
        if (threads.isEmpty() || alone) {
            awaitAll();
            rethrow(); // one of those awaited may have failed meanwhile
            handOver.run();
            return;
        }
        slots.acquireUninterruptibly();
        try {
            // Again, now that a slot is free: the hand-over that freed it may have failed to record its
            // acceptance (the database went away). Starting another here would send one more message the
            // store cannot record, one beyond the window of the slots in flight.
            rethrow();
            threads.get().execute(() -> {
                try {
                    handOver.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException | Error e) {
            slots.release();
            throw e;
        }
    }

    /**
     * Returns once every hand-over started has finished, its outcome recorded. Not interruptible: each
     * one is bounded by its server's response timeout, and the store must see every outcome.
     */
    void awaitAll() {
        if (threads.isPresent()) {
            slots.acquireUninterruptibly(max);
            slots.release(max);
        }
    }

    /** Throws, once, what a finished hand-over threw. */
    void rethrow() {
        Throwable e = failure.getAndSet(null);
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException("a hand-over failed: " + e, e);
        }
    }
}
