package io.liaison.gateway.application;

import java.time.Instant;
import java.util.Optional;

/**
 * A quarantined inbound message as the duty officer reviews it: why, who it claimed to be from, and
 * whether that registered contact was told (or why not).
 */
public record QuarantinedMessage(long id, Instant receivedAt, String reasonCode, String reason, Optional<String> claimedFrom,
                                 Optional<String> subject, String registeredContactTold) {
}
