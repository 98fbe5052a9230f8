package io.liaison.gateway.store;

import java.time.Instant;

/**
 * A channel's server accepted one delivery.
 *
 * @param serverId what the server answered: SMTP Message-ID or SMSC message id(s)
 */
public record Acceptance(long deliveryId, String serverId, Instant at) {
}
