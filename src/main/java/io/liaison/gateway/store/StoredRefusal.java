package io.liaison.gateway.store;

import io.liaison.gateway.directory.ChannelKind;
import java.time.Instant;
import java.util.Optional;

/** A refusal as stored against a hop. */
public record StoredRefusal(long hopId, String organisationId, Optional<String> pocId, Optional<ChannelKind> channel,
                            String reason, Instant at) {
}
