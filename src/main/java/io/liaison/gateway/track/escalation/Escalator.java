package io.liaison.gateway.track.escalation;

import io.liaison.gateway.events.GatewayEvent;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.store.JobLock;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.track.ConfirmationScope;
import io.liaison.gateway.track.EscalationAction;
import io.liaison.gateway.track.EscalationWatch;
import io.liaison.gateway.track.escalation.EscalationStore.NewWatch;
import io.liaison.gateway.track.escalation.EscalationStore.WatchCandidate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation clock's bean, driven by a timer route. Each run reads the injected clock (tests move
 * it, nothing sleeps), opens a watch for every recipient organisation of a newly stored notice (all of
 * a run's in one transaction, looking only into hops it has not scanned yet), and takes every step
 * that fell due. A step's deliveries are stored due at once, so the channels' dispatchers send them on
 * their next pass.
 */
public final class Escalator {
    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);
    /** On start, notices stored this long ago are still watched: a restart must not forget them. */
    private static final Duration LOOKBACK = Duration.ofDays(7);
    /** Later runs look back over the previous run too: a hop committed late is still seen. */
    private static final Duration OVERLAP = Duration.ofMinutes(10);

    private final NoticeStore notices;
    private final EscalationStore store;
    private final EscalationPolicy policy;
    private final EscalationPlanner planner;
    private final Clock clock;
    private final GatewayEvents events;
    private volatile JobLock jobs = JobLock.local();
    private Instant lastScan;
    private Set<Long> scannedHops = Set.of();

    public Escalator(NoticeStore notices, EscalationStore store, EscalationPolicy policy, EscalationPlanner planner, Clock clock) {
        this(notices, store, policy, planner, clock, GatewayEvents.none());
    }

    /** As above, announcing each step taken to {@code events}. */
    public Escalator(NoticeStore notices, EscalationStore store, EscalationPolicy policy, EscalationPlanner planner, Clock clock,
                     GatewayEvents events) {
        this.events = events;
        this.notices = notices;
        this.store = store;
        this.policy = policy;
        this.planner = planner;
        this.clock = clock;
    }

    /**
     * Runs the job on one gateway at a time from now on (the wiring hands in the cluster's lock when several
     * gateways share the database). Call it before the timer route starts.
     */
    public Escalator oneGatewayAtATime(JobLock lock) {
        this.jobs = lock;
        return this;
    }

    /** @return steps taken by this run; 0 when another gateway is running the escalation clock right now */
    public int runDue() {
        int[] taken = {0};
        jobs.runAlone("escalation", () -> taken[0] = runDueHere());
        return taken[0];
    }

    private synchronized int runDueHere() {
        Instant now = clock.instant();
        openWatches(now);
        int taken = 0;
        for (EscalationWatch watch : store.due(now)) {
            taken += step(watch, now) ? 1 : 0;
        }
        return taken;
    }

    private void openWatches(Instant now) {
        Instant since = lastScan == null ? now.minus(LOOKBACK) : lastScan.minus(OVERLAP);
        List<Long> hops = store.hopsSince(since);
        // The overlap brings back hops already scanned; only new ones are looked into, once each.
        List<Long> fresh = hops.stream().filter(h -> !scannedHops.contains(h)).toList();
        if (!fresh.isEmpty()) {
            Map<String, Boolean> asked = new HashMap<>();
            List<NewWatch> watches = new ArrayList<>();
            for (WatchCandidate c : store.unwatched(fresh)) {
                if (!asked.computeIfAbsent(c.reference(), r -> askedFor(c))) {
                    continue;
                }
                policy.timing(c.priority()).ifPresent(t -> watches.add(new NewWatch(c.reference(), c.organisationId(),
                        c.startedAt(), c.startedAt().plus(t.deadline()), policy.totalSteps(c.priority()))));
            }
            int opened = store.openAll(watches);
            LOG.debug("{} new hop(s) scanned: {} escalation watch(es) opened", fresh.size(), opened);
        }
        // Only now: a scan that failed is made again, whole, by the next run.
        lastScan = now;
        scannedHops = new HashSet<>(hops);
    }

    private boolean askedFor(WatchCandidate c) {
        return ConfirmationScope.askedFor(c.kind()) && notices.notice(c.reference()).map(ConfirmationScope::askedFor).orElse(false);
    }

    private boolean step(EscalationWatch watch, Instant now) {
        Optional<StoredNotice> notice = notices.notice(watch.reference());
        if (notice.isEmpty()) {
            return false;
        }
        if (!notices.followUpsOf(watch.reference()).isEmpty()) {
            store.withdraw(watch.reference(), watch.organisationId(), now);
            LOG.info("{}: updated or cancelled; {} is no longer chased to confirm it", watch.reference(), watch.organisationId());
            return false;
        }
        int stepNo = watch.stepsTaken() + 1;
        EscalationAction action = policy.action(stepNo);
        StepPlan plan = planner.plan(action, watch, notice.get(), now);
        Optional<Instant> next = stepNo < watch.totalSteps()
                ? policy.timing(notice.get().priority()).map(t -> now.plus(t.stepDelay()))
                : Optional.empty();
        boolean taken = store.takeStep(watch, stepNo, action, plan, next, now);
        if (taken) {
            events.publish(new GatewayEvent(GatewayEvent.Kind.ESCALATION_STEP, watch.reference(), watch.organisationId(), now));
            LOG.warn("{}: {} has not confirmed; escalation step {}/{} {}: {}", watch.reference(), watch.organisationId(),
                    stepNo, watch.totalSteps(), action.label(), plan.detail());
        }
        return taken;
    }
}
