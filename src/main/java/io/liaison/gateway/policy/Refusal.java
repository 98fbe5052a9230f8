package io.liaison.gateway.policy;

import io.liaison.gateway.directory.ChannelKind;
import java.util.Optional;

/** A candidate that will not receive the notice, with the reason shown to the sender and stored. */
public record Refusal(String organisationId, Optional<String> pocId, Optional<ChannelKind> channel, String reason) {

    public static Refusal ofOrganisation(String organisationId, String reason) {
        return new Refusal(organisationId, Optional.empty(), Optional.empty(), reason);
    }

    public static Refusal ofChannel(String organisationId, String pocId, ChannelKind channel, String reason) {
        return new Refusal(organisationId, Optional.of(pocId), Optional.of(channel), reason);
    }
}
