package io.liaison.gateway.dispatch;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.metrics.GatewayMetrics;
import io.liaison.gateway.events.GatewayEvent;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Sends the due deliveries of one channel. Each channel has its own dispatcher, thread and retry
 * policy, so an outage of one never holds up the other.
 *
 * <p>Deliveries are prepared (rendered, signed, encrypted) by a pool when the channel has one, and
 * handed over in order by the dispatcher's thread: one at a time by default (fax), or, for a channel
 * whose server answers each message on its own (SMS: several submit_sm wait for their responses on
 * one SMPP session; e-mail: one message on each of several SMTP connections), up to {@link HandOvers#max()} at once while the server keeps
 * accepting; before its first acceptance and after a temporary failure they go one at a time until
 * it accepts again. Each acceptance is journaled as soon as its server answered, and committed to the
 * store in batches. So after a crash no more messages can be sent twice than were in the server's
 * hands at that moment: one for a channel handed over one at a time, as with a commit per message,
 * at most {@code max} for the others; while the store sees one commit per batch. At most two claimed
 * batches are in memory.
 *
 * <p>While the channel's circuit breaker is open, claimed deliveries go back to the queue untried. A
 * server that fails while several are under way fails them all, so the breaker may count up to
 * {@code max - 1} failures past its threshold.
 *
 * <p>Whatever escapes a run (a bug in a hand-over, a store failure, an {@code Error} such as running out
 * of memory) returns every delivery this run claimed and has not settled to the queue at once, due now,
 * with the reason; it then leaves {@link #dispatchDue()} for the {@link DispatchLoop} to log and run again.
 * A claim is settled once its outcome is recorded (an acceptance: once journaled).
 *
 * <p>Before each hand-over the claim's lease is checked ({@link LeaseKeeper#holds}, memory only): a claim
 * that no longer holds long enough (this gateway could not renew it, and another gateway may take it soon)
 * is not handed over but returned to the queue if it is still this gateway's.
 */
public final class ChannelDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDispatcher.class);
    private static final int BATCH = 500;

    private final DeliveryChannel channel;
    private final NoticeStore store;
    private final RetryPolicy retry;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private volatile AcceptanceRecorder recorder;
    private final Optional<ExecutorService> preparers;
    private final HandOvers handOvers;
    private volatile Optional<LeaseKeeper> leases = Optional.empty();
    /** Deliveries per claim; at most two claims' worth are held at once. */
    private volatile int claimBatch = BATCH;
    private final DispatchTimings timings = new DispatchTimings();
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    /** Claimed by this dispatcher and not yet settled: what goes back to the queue if a run breaks off. */
    private final Set<Long> unsettled = ConcurrentHashMap.newKeySet();
    /** The server accepted the last hand-over that got an answer: several may go at once. */
    private volatile boolean answering;
    /** Set once by the wiring, before the dispatcher runs; see {@link #recordingTo}. */
    private volatile DeliveryObserver observer;
    private final GatewayEvents events;
    /** (notice, organisation) pairs accepted by their server this run, announced once the run has committed them. */
    private final Set<Reached> sentThisRun = ConcurrentHashMap.newKeySet();

    /** A dispatcher that prepares on its own thread and commits each acceptance on its own, as a low-volume channel may. */
    public ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock) {
        this(channel, store, retry, clock, CircuitBreaker.never(channel.kind(), clock));
    }

    public ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock, CircuitBreaker breaker) {
        this(channel, store, retry, clock, breaker, Optional.empty(), Optional.empty(), HandOvers.oneAtATime());
    }

    /**
     * @param journal   where acceptances wait for their batch commit; see {@link AcceptanceJournal}
     * @param preparers prepares deliveries in parallel; empty to prepare on the dispatcher's thread
     */
    public ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock,
                             CircuitBreaker breaker, AcceptanceJournal journal, Optional<ExecutorService> preparers) {
        this(channel, store, retry, clock, breaker, Optional.of(journal), preparers, HandOvers.oneAtATime());
    }

    /**
     * @param journal    where acceptances wait for their batch commit; see {@link AcceptanceJournal}
     * @param handOvers  how many deliveries may wait for their server's answer at once
     */
    public ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock,
                             CircuitBreaker breaker, AcceptanceJournal journal, HandOvers handOvers) {
        this(channel, store, retry, clock, breaker, Optional.of(journal), Optional.empty(), handOvers);
    }

    /**
     * @param preparers prepares deliveries in parallel, ahead of their hand-over
     * @param handOvers how many prepared deliveries may wait for their server's answer at once
     */
    public ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock,
                             CircuitBreaker breaker, AcceptanceJournal journal, ExecutorService preparers,
                             HandOvers handOvers) {
        this(channel, store, retry, clock, breaker, Optional.of(journal), Optional.of(preparers), handOvers);
    }

    private ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock,
                              CircuitBreaker breaker, Optional<AcceptanceJournal> journal,
                              Optional<ExecutorService> preparers, HandOvers handOvers) {
        this(channel, store, retry, clock, breaker, journal, preparers, handOvers, GatewayEvents.none());
    }

    /**
     * The gateway's form: every option, and where delivery changes are announced (sent once committed,
     * retrying and failed as recorded).
     *
     * @param preparers prepares deliveries in parallel; empty to prepare on the dispatcher's thread
     */
    public ChannelDispatcher(DeliveryChannel channel, NoticeStore store, RetryPolicy retry, Clock clock,
                             CircuitBreaker breaker, Optional<AcceptanceJournal> journal,
                             Optional<ExecutorService> preparers, HandOvers handOvers, GatewayEvents events) {
        this.events = events;
        this.channel = channel;
        this.store = store;
        this.retry = retry;
        this.clock = clock;
        this.breaker = breaker;
        this.recorder = new AcceptanceRecorder(store, channel.kind(), journal, BATCH);
        this.preparers = preparers;
        this.handOvers = handOvers;
        this.observer = new DeliveryObserver(channel.kind(), GatewayMetrics.none(), null);
    }

    /**
     * Checks, from now on, before each hand-over that its claim still holds ({@link LeaseKeeper#holds}); a
     * gateway's dispatchers all do. Without it (tests of one gateway on its own database) no lease is checked.
     * Call it before the dispatcher's loop starts.
     */
    public ChannelDispatcher holdingLeasesOf(LeaseKeeper keeper) {
        this.leases = Optional.of(keeper);
        return this;
    }

    /**
     * Commits each acceptance with those of the gateway's other channels that finish meanwhile (one
     * transaction, one audit append), where there is no journal; a dispatcher with a journal keeps its own
     * batches. Call it before the dispatcher's loop starts.
     */
    public ChannelDispatcher committingWith(AcceptanceGroupCommit group) {
        this.recorder = recorder.together(group);
        return this;
    }

    /**
     * Claims at most {@code n} deliveries at a time (default 500, {@code gateway.dispatch.claim-batch}). Gateways
     * sharing a database claim less each, so a fan-out spreads over all of them and a gateway that dies holds
     * less for the others to take over. Call it before the dispatcher's loop starts.
     */
    public ChannelDispatcher claimingAtMost(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("gateway.dispatch.claim-batch must be at least 1, was " + n);
        }
        this.claimBatch = n;
        return this;
    }

    /**
     * Records each outcome to {@code metrics} from now on. A setter rather than a constructor argument so
     * the dispatcher's constructors (and the tests that use them) stay as they are; call it before the
     * dispatcher's loop starts.
     */
    public ChannelDispatcher recordingTo(GatewayMetrics metrics) {
        this.observer = new DeliveryObserver(channel.kind(), metrics, new NoticeCache(store));
        return this;
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
        Throwable broke = null;
        try {
            while (again.getAndSet(false) && !breaker.isOpen()) {
                attempted += drain();
            }
        } catch (Throwable t) {
            broke = t;
            throw t;
        } finally {
            try {
                handOvers.awaitAll(); // a drain that threw may have left some under way
                record(recorder::flush);
                announceSent();
            } finally {
                try {
                    releaseUnsettled(broke);
                } finally {
                    running.unlock();
                }
            }
        }
        return attempted;
    }

    // Claimed deliveries without an outcome go back to the queue now, not at the next start.
    private void releaseUnsettled(Throwable broke) {
        if (unsettled.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(unsettled);
        String reason = "returned to the queue: the " + channel.kind().yamlName() + " dispatcher's run broke off ("
                + (broke == null ? "no outcome was recorded" : describe(broke)) + ")";
        int released = store.releaseClaims(channel.kind(), ids, reason, clock.instant());
        unsettled.removeAll(ids);
        LOG.error("{} {} deliveries claimed and not settled are pending again: {}", released, channel.kind(), reason);
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + (message.length() > 300 ? message.substring(0, 300) : message));
    }

    /** Claims and sends until nothing is due, keeping the next batch claimed and preparing while this one goes out. */
    private int drain() {
        Deque<Pending> inFlight = new ArrayDeque<>();
        boolean more = true;
        int attempted = 0;
        while (true) {
            if (more && inFlight.size() <= claimBatch && !breaker.isOpen()) {
                Instant claimedAt = clock.instant();
                List<Delivery> batch = claim(claimedAt);
                Instant committedBy = clock.instant();
                batch.forEach(d -> unsettled.add(d.id()));
                batch.forEach(d -> inFlight.add(prepare(d, claimedAt, committedBy)));
                more = batch.size() == claimBatch;
            }
            Pending next = inFlight.poll();
            if (next == null) {
                // Every outcome recorded before the next look for due deliveries, and before returning.
                handOvers.awaitAll();
                handOvers.rethrow();
                return attempted;
            }
            if (breaker.isOpen()) {
                defer(next.delivery());
                continue;
            }
            attempt(next);
            attempted++;
        }
    }

    // Claimed but not tried because the circuit opened mid-batch: back to the queue until it closes.
    private void defer(Delivery d) {
        Instant now = clock.instant();
        Instant until = breaker.openUntil().orElse(now);
        record(() -> store.markRetry(d.id(), "deferred: " + channel.kind().yamlName() + " circuit open until " + until,
                until, now));
        unsettled.remove(d.id());
    }

    private List<Delivery> claim(Instant now) {
        long t = System.nanoTime();
        try {
            return store.claimDue(channel.kind(), now, claimBatch);
        } finally {
            timings.claimNanos.add(System.nanoTime() - t);
        }
    }

    private Pending prepare(Delivery d, Instant claimedAt, Instant committedBy) {
        return new Pending(d, preparers.map(pool -> CompletableFuture.supplyAsync(() -> prepared(d), pool))
                .orElse(null), claimedAt, committedBy);
    }

    private Prepared prepared(Delivery d) {
        long t = System.nanoTime();
        try {
            return new Prepared(channel.prepare(d), null);
        } catch (DeliveryRefusedException e) {
            return new Prepared(null, e);
        } finally {
            timings.prepareNanos.add(System.nanoTime() - t);
        }
    }

    private void attempt(Pending pending) {
        Delivery d = pending.delivery();
        Prepared prepared = pending.future() == null ? prepared(d) : pending.joined();
        if (prepared.refused() != null) {
            refused(d, prepared.refused());
            return;
        }
        handOvers.start(() -> handOver(pending, prepared.delivery()), !answering);
    }

    // On the dispatcher's thread, or on a hand-over thread beside others: everything here is thread-safe.
    private void handOver(Pending pending, PreparedDelivery prepared) {
        Delivery d = pending.delivery();
        if (breaker.isOpen()) {
            defer(d); // opened while this one waited for a free slot
            return;
        }
        // Checked last, right before the server gets it: a slot may have been long in coming.
        if (leases.isPresent() && !leases.get().holds(pending.claimedAt(), pending.committedBy())) {
            lapsed(d);
            return;
        }
        try {
            long t = System.nanoTime();
            String serverId;
            try {
                serverId = prepared.handOver();
            } finally {
                timings.handOverNanos.add(System.nanoTime() - t);
            }
            timings.handedOver.increment();
            Instant acceptedAt = clock.instant();
            record(() -> recorder.accepted(d.id(), serverId, acceptedAt));
            unsettled.remove(d.id()); // journaled: a restart records it as sent, it must never go out again
            sentThisRun.add(new Reached(d.reference(), d.organisationId()));
            breaker.recordSuccess();
            answering = true;
            observer.sent(d, acceptedAt);
            if (LOG.isInfoEnabled()) {
                outcome(LOG.atInfo(), d, "sent").addKeyValue("server-id", serverId)
                        .log("{} {} to {}: sent, attempt {}, server id {}", d.reference(), channel.kind(), d.pocId(), d.attempts(), serverId);
            }
        } catch (TransportFailure e) {
            if (!e.isPermanent()) {
                answering = false;
            }
            failed(d, e);
        } catch (DeliveryRefusedException e) {
            refused(d, e);
        }
    }

    private void failed(Delivery d, TransportFailure e) {
        if (!e.isPermanent()) {
            breaker.recordTemporaryFailure();
        }
        Instant now = clock.instant();
        Optional<Instant> next = e.isPermanent() ? Optional.empty() : retry.nextAttempt(d.attempts(), now);
        if (next.isPresent()) {
            record(() -> store.markRetry(d.id(), e.getMessage(), next.get(), now));
            observer.retry();
            announce(GatewayEvent.Kind.DELIVERY_RETRYING, d, now);
            outcome(LOG.atWarn(), d, "retry").addKeyValue("retry-at", next.get())
                    .log("{} {} to {}: attempt {} failed, retry at {}: {}", d.reference(), channel.kind(), d.pocId(),
                            d.attempts(), next.get(), e.getMessage());
        } else {
            String reason = e.isPermanent() ? e.getMessage() : "gave up after " + d.attempts() + " attempts: " + e.getMessage();
            record(() -> store.markFailed(d.id(), reason, now));
            observer.failed();
            announce(GatewayEvent.Kind.DELIVERY_FAILED, d, now);
            outcome(LOG.atError(), d, "failed").log("{} {} to {} failed: {}", d.reference(), channel.kind(), d.pocId(), reason);
        }
        unsettled.remove(d.id());
    }

    // The claim may be another gateway's soon (or already): not handed over here. Still ours, it goes back to
    // the queue; if the database cannot be reached this throws, the run breaks off, and the claim expires.
    private void lapsed(Delivery d) {
        String reason = "not handed over: the claim of " + leases.orElseThrow().lease().nodeId()
                + " could not be renewed in time";
        record(() -> store.releaseClaims(channel.kind(), List.of(d.id()), reason, clock.instant()));
        unsettled.remove(d.id());
        again.set(true); // returned due now: claimed afresh (with a full lease) before this call ends
        outcome(LOG.atWarn(), d, "pending").log("{} {} to {}: {}", d.reference(), channel.kind(), d.pocId(), reason);
    }

    private void refused(Delivery d, DeliveryRefusedException e) {
        Instant now = clock.instant();
        record(() -> store.markFailed(d.id(), "refused by the gateway: " + e.getMessage(), now));
        announce(GatewayEvent.Kind.DELIVERY_FAILED, d, now);
        unsettled.remove(d.id());
        observer.failed();
        outcome(LOG.atError(), d, "failed").log("{} {} to {} refused: {}", d.reference(), channel.kind(), d.pocId(), e.getMessage());
    }

    /** A delivery's outcome line: the text is the message as ever, the JSON log carries its parts as fields. */
    private LoggingEventBuilder outcome(LoggingEventBuilder line, Delivery d, String state) {
        return line.addKeyValue("reference", d.reference()).addKeyValue("channel", channel.kind().name())
                .addKeyValue("poc", d.pocId()).addKeyValue("state", state).addKeyValue("attempt", d.attempts());
    }

    private void record(Runnable write) {
        long t = System.nanoTime();
        try {
            write.run();
        } finally {
            timings.recordNanos.add(System.nanoTime() - t);
        }
    }

    private void announce(GatewayEvent.Kind kind, Delivery d, Instant at) {
        events.publish(new GatewayEvent(kind, d.reference(), d.organisationId(), at));
    }

    // After the run's commit, so a subscriber that reads the store sees the delivery as sent; one event per
    // (notice, organisation), however many of its contacts and channels went out.
    private void announceSent() {
        if (sentThisRun.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Reached r : List.copyOf(sentThisRun)) {
            sentThisRun.remove(r);
            events.publish(new GatewayEvent(GatewayEvent.Kind.DELIVERY_SENT, r.reference(), r.organisationId(), now));
        }
    }

    private record Reached(String reference, String organisationId) {
    }

    /** The circuit breaker's state, for the status table. */
    public CircuitBreaker.BreakerStatus breakerStatus() {
        return breaker.status();
    }

    /** When the next retry of this channel falls due, for the poller and for tests. */
    public Optional<Instant> nextDue() {
        return store.nextDue(channel.kind());
    }

    public ChannelKind kind() {
        return channel.kind();
    }

    public DispatchTimings timings() {
        return timings;
    }

    /** A claimed delivery and, when a pool prepares it, the preparation under way. */
    private record Pending(Delivery delivery, CompletableFuture<Prepared> future, Instant claimedAt, Instant committedBy) {
        Prepared joined() {
            try {
                return future.join();
            } catch (CompletionException e) {
                // A bug, not a refusal: let it reach Camel's error handling as it would without a pool.
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }
    }

    private record Prepared(PreparedDelivery delivery, DeliveryRefusedException refused) {
    }
}
