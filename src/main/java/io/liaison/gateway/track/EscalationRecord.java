package io.liaison.gateway.track;

import java.time.Instant;
import java.util.Optional;

/**
 * One escalation step taken.
 *
 * @param hopId the hop that carries the step's deliveries; empty when nothing could be sent
 */
public record EscalationRecord(long id, String reference, String organisationId, int stepNo, EscalationAction action,
                               Optional<Long> hopId, String detail, Instant at) {
}
