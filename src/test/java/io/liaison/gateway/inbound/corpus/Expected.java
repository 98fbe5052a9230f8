package io.liaison.gateway.inbound.corpus;

import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.inbound.ReasonCode;
import java.util.Optional;

/**
 * What the intake must make of one corpus message.
 *
 * @param status    accepted or quarantined
 * @param reason    the exact reason code when quarantined
 * @param told      the point of contact registered for the claimed From address, the only one a quarantine
 *                  notice may go to; empty: nobody is registered there, so nobody may be told
 * @param duplicate the very same bytes were stored before: the earlier verdict is returned, nothing is done again
 */
record Expected(InboundStatus status, Optional<ReasonCode> reason, Optional<String> told, boolean duplicate) {

    static Expected accepted() {
        return new Expected(InboundStatus.ACCEPTED, Optional.empty(), Optional.empty(), false);
    }

    static Expected quarantined(ReasonCode reason, String toldPoc) {
        return new Expected(InboundStatus.QUARANTINED, Optional.of(reason), Optional.of(toldPoc), false);
    }

    static Expected quarantinedTellingNobody(ReasonCode reason) {
        return new Expected(InboundStatus.QUARANTINED, Optional.of(reason), Optional.empty(), false);
    }

    /** The same bytes as a message already judged {@code earlier}: that verdict again, nothing acted on twice. */
    static Expected duplicateOf(Expected earlier) {
        return new Expected(earlier.status, earlier.reason, earlier.told, true);
    }

    @Override
    public String toString() {
        return (duplicate ? "duplicate, " : "") + reason.map(Enum::name).orElse(status.name());
    }
}
