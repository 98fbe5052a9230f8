package io.liaison.gateway.dispatch;

import io.liaison.gateway.store.ClaimLease;
import io.liaison.gateway.store.NoticeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this gateway's claims alive while it works, takes over the claims of gateways that stopped, and
 * tells the dispatchers whether a claim still holds long enough to hand it over.
 *
 * <p>Every {@link #renewalInterval()} (a third of the claim timeout) one transaction extends every claim this
 * gateway holds to now + timeout — never one statement per delivery — and puts the expired claims of any
 * gateway back in the queue; between renewals, expired claims are looked for every second
 * ({@link #takeOverInterval()}), so a stopped gateway's work is taken over within a second of its claims
 * running out. A claim holds until its own claim time + timeout, or, once a renewal that began
 * after the claim was committed succeeded, until that renewal's start + timeout. A hand-over starts only
 * while its claim holds for at least another {@link #guard()} (a third of the timeout): the hand-over must
 * end within that time (the SMTP and SMPP timeouts are far below it) and clocks of the gateways may differ
 * by less. So a gateway cut off from the database stops handing over by itself, before another gateway
 * may take its claims, and no two gateways hand over the same delivery inside a claim.
 *
 * <p>On one embedded database the same keeper runs: it costs one small transaction per interval.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private static final Duration TAKE_OVER_AT_MOST_EVERY = Duration.ofSeconds(1);

    private final NoticeStore store;
    private final ClaimLease lease;
    private final Clock clock;
    private volatile Instant renewedFrom;
    private volatile boolean failing;
    private ScheduledExecutorService timer;

    public LeaseKeeper(NoticeStore store, ClaimLease lease, Clock clock) {
        this.store = store;
        this.lease = lease;
        this.clock = clock;
    }

    /** Renews at once, then every {@link #renewalInterval()} on a thread of its own. */
    public LeaseKeeper start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "claim-lease");
            t.setDaemon(true);
            return t;
        });
        long every = renewalInterval().toMillis();
        timer.scheduleWithFixedDelay(this::renewLogged, 0, every, TimeUnit.MILLISECONDS);
        long look = takeOverInterval().toMillis();
        timer.scheduleWithFixedDelay(this::takeOverLogged, look, look, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * How often the expired claims of any gateway are looked for, between renewals: a stopped gateway's
     * deliveries are queued again at most this long after its claims ran out, not a renewal interval later.
     */
    public Duration takeOverInterval() {
        Duration renewal = renewalInterval();
        return renewal.compareTo(TAKE_OVER_AT_MOST_EVERY) < 0 ? renewal : TAKE_OVER_AT_MOST_EVERY;
    }

    /**
     * Puts the expired claims of any gateway back in the queue (this gateway's own included: a claim of its
     * that ran out may be handed over by another gateway already).
     *
     * @return claims put back in the queue
     */
    public int takeOver() {
        return store.releaseExpiredClaims(clock.instant());
    }

    private void takeOverLogged() {
        try {
            int taken = takeOver();
            if (taken > 0) {
                LOG.warn("{} deliveries whose claims expired (their gateway stopped or lost the database) are queued again",
                        taken);
            }
        } catch (RuntimeException e) {
            // the renewal reports an outage of the database, once; this look is tried again in a moment
            LOG.debug("expired claims not looked for ({})", ChannelDispatcher.describe(e));
        }
    }

    /** How often claims are renewed and expired ones taken over. */
    public Duration renewalInterval() {
        return lease.ttl().dividedBy(3);
    }

    /** How long a claim must still hold for a hand-over to start. */
    public Duration guard() {
        return lease.ttl().dividedBy(3);
    }

    public ClaimLease lease() {
        return lease;
    }

    /**
     * Extends this gateway's claims, then releases every claim that expired. Throws what the store threw:
     * the claims then keep their last expiry, and the dispatchers stop when it comes near.
     *
     * @return claims of stopped gateways put back in the queue
     */
    public int renew() {
        Instant start = clock.instant();
        store.renewClaims(start.plus(lease.ttl()));
        Instant last = renewedFrom;
        if (last == null || start.isAfter(last)) {
            renewedFrom = start;
        }
        return store.releaseExpiredClaims(clock.instant());
    }

    private void renewLogged() {
        try {
            int taken = renew();
            if (failing) {
                LOG.info("claims of {} renewed again; hand-overs resume", lease.nodeId());
                failing = false;
            }
            if (taken > 0) {
                LOG.warn("{} deliveries whose claims expired (their gateway stopped or lost the database) are queued again",
                        taken);
            }
        } catch (RuntimeException e) {
            // Logged once per outage; the dispatchers stop handing over as the last renewal runs out.
            if (!failing) {
                LOG.error("claims of {} cannot be renewed ({}); hand-overs stop once the last renewal ({}) is {} from running out",
                        lease.nodeId(), ChannelDispatcher.describe(e), renewedFrom, guard());
                failing = true;
            }
        }
    }

    /**
     * Whether a claim made at {@code claimedAt}, committed by {@code committedBy}, still holds for at least
     * {@link #guard()}. Memory only: called before every hand-over.
     */
    public boolean holds(Instant claimedAt, Instant committedBy) {
        Instant until = claimedAt.plus(lease.ttl());
        Instant renewal = renewedFrom;
        // A renewal covers the claims committed before its statement began; a claim committed later
        // carries its own, later expiry.
        if (renewal != null && !renewal.isBefore(committedBy) && renewal.isAfter(claimedAt)) {
            until = renewal.plus(lease.ttl());
        }
        return clock.instant().plus(guard()).isBefore(until);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
