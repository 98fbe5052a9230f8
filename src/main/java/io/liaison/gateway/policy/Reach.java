package io.liaison.gateway.policy;

import io.liaison.gateway.store.Hop;
import java.util.List;
import java.util.Optional;

/**
 * How one recipient organisation of a notice was reached, judged again for a follow-up: the hop of the
 * original that reached it, its role there, the points of contact it was sent to, and why the hop no
 * longer carries the follow-up's level today (empty when it does).
 */
public record Reach(String organisationId, Hop hop, DeliveryRole role, List<String> pocIds, Optional<String> refusal) {
    public Reach {
        pocIds = List.copyOf(pocIds);
    }

    public boolean allowed() {
        return refusal.isEmpty();
    }
}
