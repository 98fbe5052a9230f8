package io.liaison.gateway.store;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.policy.DeliveryRole;
import java.time.Instant;
import java.util.Optional;

/**
 * One (point of contact, channel) delivery of a notice.
 *
 * @param hopSenderOrg who passed the notice on in this hop (the originator for the first hop)
 * @param serverId what the channel's server answered: SMTP Message-ID or SMSC message id
 */
public record Delivery(
        long id,
        String reference,
        long hopId,
        String hopSenderOrg,
        String hopSenderPoc,
        String organisationId,
        String pocId,
        ChannelKind channel,
        String address,
        DeliveryRole role,
        DeliveryState state,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<String> lastError,
        Optional<String> serverId,
        Instant updatedAt) {
}
