package io.liaison.gateway.application;

import io.liaison.gateway.inbound.StoredInbound;
import java.util.List;

/** The quarantined inbound messages, newest first, for NISC's duty officer. Nothing quarantined is ever acted on. */
public final class QuarantineReview {
    private final ApplicationParts parts;
    private final Guard guard;

    QuarantineReview(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public List<QuarantinedMessage> list(Actor actor, int max) {
        guard.require(actor, Action.REVIEW_QUARANTINE, "quarantine");
        return quarantined(max);
    }

    List<QuarantinedMessage> quarantined(int max) {
        return parts.inbound().quarantined(max).stream().map(QuarantineReview::of).toList();
    }

    private static QuarantinedMessage of(StoredInbound m) {
        return new QuarantinedMessage(m.id(), m.receivedAt(), m.reasonCode().map(Enum::name).orElse("?"), m.reasonText().orElse(""),
                m.claimedFrom(), m.subject(), m.noticeSuppressed().map(why -> "not told: " + why)
                        .orElse(m.claimedFrom().isPresent() ? "told, if registered" : "nobody to tell"));
    }
}
