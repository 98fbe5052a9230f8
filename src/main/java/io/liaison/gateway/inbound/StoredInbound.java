package io.liaison.gateway.inbound;

import java.time.Instant;
import java.util.Optional;

/**
 * An inbound message as stored, with the verdict once there is one.
 *
 * @param noticeSuppressed why the claimed sender was not told of a quarantine (rate limit, an automatic
 *                         message, the gateway's own address), for the duty officer
 */
public record StoredInbound(
        long id,
        String source,
        String rawSha256,
        long rawSize,
        InboundStatus status,
        Optional<String> messageId,
        Optional<String> claimedFrom,
        Optional<String> subject,
        Optional<ReasonCode> reasonCode,
        Optional<String> reasonText,
        Optional<String> signerPoc,
        Optional<String> signerOrg,
        Optional<String> documentType,
        Optional<String> outcomeReference,
        int timesSeen,
        Instant receivedAt,
        Optional<String> noticeSuppressed) {
}
