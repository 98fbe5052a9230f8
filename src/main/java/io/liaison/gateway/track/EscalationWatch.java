package io.liaison.gateway.track;

import java.time.Instant;
import java.util.Optional;

/**
 * The wait for one recipient organisation's confirmation of one notice.
 *
 * @param startedAt  when the notice was stored for the organisation
 * @param deadlineAt when the first step falls due without a confirmation
 * @param nextStepAt when the next step falls due; empty once closed
 * @param totalSteps steps the policy takes in all (steps × (repeats + 1))
 */
public record EscalationWatch(String reference, String organisationId, Instant startedAt, Instant deadlineAt,
                              Optional<Instant> nextStepAt, int stepsTaken, int totalSteps, State state,
                              Optional<Instant> closedAt) {

    public enum State {
        /** Waiting for a confirmation; steps fall due. */
        OPEN,
        /** The organisation confirmed; no further step. */
        CONFIRMED,
        /** Every step was taken and nobody confirmed. */
        EXHAUSTED,
        /** The notice was updated or cancelled: the update is chased instead, a cancellation not at all. */
        WITHDRAWN
    }
}
