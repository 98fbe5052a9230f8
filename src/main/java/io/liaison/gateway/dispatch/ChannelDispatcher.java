package io.liaison.gateway.dispatch;

import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due deliveries of one channel. Each channel has its own dispatcher, thread and retry
 * policy, so an outage of one never holds up the other. Every outcome is written to the store
 * before the next delivery is taken.
 */
public final class ChannelDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDispatcher.class);
    private static final int BATCH = 200;

    private final DeliveryChannel channel;
    private final NoticeStore store;
    private final RetryPolicy retry;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();

    public ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock) {
        this(channel, store, retry, clock, CircuitBreaker.never(channel.kind(), clock));
    }

    public ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock, CircuitBreaker breaker) {
        this.channel = channel;
        this.store = store;
        this.retry = retry;
        this.clock = clock;
        this.breaker = breaker;
    }

    /**
     * Sends everything due now. If another thread is already dispatching, asks it to look again and
     * returns at once, so wake-ups are never lost and never run twice in parallel.
     *
     * @return deliveries attempted by this call
     */
    public int dispatchDue() {
        again.set(true);
        if (!running.tryLock()) {
            return 0;
        }
        int attempted = 0;
        try {
            while (again.getAndSet(false) && !breaker.isOpen()) {
                List<Delivery> batch;
                do {
                    batch = store.claimDue(channel.kind(), clock.instant(), BATCH);
                    for (Delivery d : batch) {
                        if (breaker.isOpen()) {
                            defer(d);
                            continue;
                        }
                        attempt(d);
                        attempted++;
                    }
                } while (batch.size() == BATCH);
            }
        } finally {
            running.unlock();
        }
        return attempted;
    }

    private void attempt(Delivery d) {
        try {
            String serverId = channel.deliver(d);
            store.markSent(d.id(), serverId, clock.instant());
            breaker.recordSuccess();
        } catch (TransportFailure e) {
            if (!e.isPermanent()) {
                breaker.recordTemporaryFailure();
            }
            Instant now = clock.instant();
            Optional<Instant> next = e.isPermanent() ? Optional.empty() : retry.nextAttempt(d.attempts(), now);
            if (next.isPresent()) {
                store.markRetry(d.id(), e.getMessage(), next.get(), now);
                LOG.warn("{} {} to {}: attempt {} failed, retry at {}: {}", d.reference(), channel.kind(), d.pocId(),
                        d.attempts(), next.get(), e.getMessage());
            } else {
                String reason = e.isPermanent() ? e.getMessage() : "gave up after " + d.attempts() + " attempts: " + e.getMessage();
                store.markFailed(d.id(), reason, now);
                LOG.error("{} {} to {} failed: {}", d.reference(), channel.kind(), d.pocId(), reason);
            }
        } catch (DeliveryRefusedException e) {
            store.markFailed(d.id(), "refused by the gateway: " + e.getMessage(), clock.instant());
            LOG.error("{} {} to {} refused: {}", d.reference(), channel.kind(), d.pocId(), e.getMessage());
        }
    }

    // Claimed but not tried because the circuit opened mid-batch: back to the queue until it closes.
    private void defer(Delivery d) {
        Instant now = clock.instant();
        Instant until = breaker.openUntil().orElse(now);
        store.markRetry(d.id(), "deferred: " + channel.kind().yamlName() + " circuit open until " + until, until, now);
    }

    /** The circuit breaker's state, for the status table. */
    public CircuitBreaker.BreakerStatus breakerStatus() {
        return breaker.status();
    }

    /** When the next retry of this channel falls due, for the poller and for tests. */
    public Optional<Instant> nextDue() {
        return store.nextDue(channel.kind());
    }

    public io.liaison.gateway.directory.ChannelKind kind() {
        return channel.kind();
    }
}
