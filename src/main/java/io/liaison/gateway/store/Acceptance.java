package io.liaison.gateway.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A channel's server accepted one delivery.
 *
 * @param serverId what the server answered: SMTP Message-ID or SMSC message id(s), comma-separated in
 *                 part order for a concatenated SMS
 */
public record Acceptance(long deliveryId, String serverId, Instant at) {

    /** The server's ids in order: one per SMS part (a receipt names one part), one for an e-mail. */
    public List<String> serverIds() {
        if (serverId == null || serverId.isBlank()) {
            return List.of();
        }
        return Arrays.stream(serverId.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
