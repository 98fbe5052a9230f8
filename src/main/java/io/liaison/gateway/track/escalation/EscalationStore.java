package io.liaison.gateway.track.escalation;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.track.EscalationAction;
import io.liaison.gateway.track.EscalationRecord;
import io.liaison.gateway.track.EscalationWatch;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage for escalation watches and the steps taken. */
public interface EscalationStore {

    /**
     * Hops of any kind stored at or after {@code since}. A hop is stored whole with its deliveries, so
     * once one was scanned for {@link #unwatched} it never has more to give.
     */
    List<Long> hopsSince(Instant since);

    /**
     * (notice, organisation) pairs reached by a send, copy or forward delivery of these hops, that have
     * neither a watch nor a confirmation yet; each with when the first of those deliveries was stored.
     */
    List<WatchCandidate> unwatched(Collection<Long> hopIds);

    /**
     * Opens these watches in one transaction. One already open (an overlapping scan, another gateway
     * instance) is skipped, not an error.
     *
     * @return how many were opened
     */
    int openAll(List<NewWatch> watches);

    /** Open watches whose next step fell due at {@code now}. */
    List<EscalationWatch> due(Instant now);

    /**
     * In one transaction, only if the watch is still open with {@code stepNo - 1} steps taken: stores the
     * step's hop and deliveries (due now), the step, and moves the watch on (closed as exhausted when no
     * next step).
     *
     * @return false when a confirmation (or another escalator) got there first; nothing was stored
     */
    boolean takeStep(EscalationWatch watch, int stepNo, EscalationAction action, StepPlan plan,
                     Optional<Instant> nextStepAt, Instant now);

    /** Closes an open watch without a further step: its notice was updated or cancelled. */
    void withdraw(String reference, String organisationId, Instant now);

    List<EscalationWatch> watches(String reference);

    List<EscalationRecord> steps(String reference);

    /** The step whose deliveries the hop carries. */
    Optional<EscalationRecord> stepCarriedBy(long hopId);

    /** A recipient organisation of a notice, with when it was first stored for it. */
    record WatchCandidate(String reference, String organisationId, NoticeKind kind, Priority priority, Instant startedAt) {
    }

    /** A watch to open: no step taken yet, the first one due at the deadline. */
    record NewWatch(String reference, String organisationId, Instant startedAt, Instant deadlineAt, int totalSteps) {
    }
}
