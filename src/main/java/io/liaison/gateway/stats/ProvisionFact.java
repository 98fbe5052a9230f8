package io.liaison.gateway.stats;

import java.time.Instant;

/** One notice NISC issued (provision or early warning, not a follow-up, not an exercise) that reached someone. */
public record ProvisionFact(String reference, Instant createdAt) {
}
