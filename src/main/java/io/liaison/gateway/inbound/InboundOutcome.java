package io.liaison.gateway.inbound;

import java.util.Optional;

/**
 * What the intake did with one message.
 *
 * @param inboundId        the stored raw message
 * @param duplicate        the very same bytes had been stored before; nothing was done again
 * @param reason           set when quarantined
 * @param outcomeReference what it produced: the acknowledged notice, the incident report relay, or the
 *                         quarantine notice to the claimed sender
 */
public record InboundOutcome(long inboundId, InboundStatus status, boolean duplicate, Optional<ReasonCode> reason,
                             Optional<String> detail, Optional<String> outcomeReference) {

    public static InboundOutcome accepted(long id, String reference) {
        return new InboundOutcome(id, InboundStatus.ACCEPTED, false, Optional.empty(), Optional.empty(), Optional.of(reference));
    }

    public static InboundOutcome quarantined(long id, ReasonCode reason, String detail, Optional<String> notice) {
        return new InboundOutcome(id, InboundStatus.QUARANTINED, false, Optional.of(reason), Optional.of(detail), notice);
    }

    public static InboundOutcome duplicate(StoredInbound earlier) {
        return new InboundOutcome(earlier.id(), earlier.status(), true, earlier.reasonCode(), earlier.reasonText(),
                earlier.outcomeReference());
    }

    public boolean isQuarantined() {
        return status == InboundStatus.QUARANTINED;
    }
}
