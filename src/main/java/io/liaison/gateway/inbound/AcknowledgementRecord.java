package io.liaison.gateway.inbound;

import java.time.Instant;
import java.util.Optional;

/** One stored acknowledgement of a notice. */
public record AcknowledgementRecord(long id, String reference, String organisationId, String pocId, long inboundId,
                                    Optional<String> note, Instant receivedAt) {
}
