package io.liaison.gateway.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Who an audit entry names: a person acting as a point of contact of an organisation, a point of
 * contact without a named person (a CLI run under a {@code --as POC}), or the gateway itself (its own
 * decisions: gate refusals, deliveries, escalation steps, inbound verdicts).
 *
 * @param person         the person behind the action when known (an OIDC subject, an operating-system user)
 * @param pocId          the point of contact acted as; null only for the gateway
 * @param organisationId the point of contact's organisation; null only for the gateway
 */
public record ActorRef(Optional<String> person, String pocId, String organisationId) {
    private static final ActorRef GATEWAY = new ActorRef(Optional.empty(), null, null);

    public ActorRef {
        Objects.requireNonNull(person, "person");
        if ((pocId == null) != (organisationId == null)) {
            throw new IllegalArgumentException("an actor names both a point of contact and its organisation, or neither (the gateway)");
        }
        if (pocId != null && (pocId.isBlank() || organisationId.isBlank())) {
            throw new IllegalArgumentException("an actor's point of contact and organisation must not be blank");
        }
        if (pocId == null && person.isPresent()) {
            throw new IllegalArgumentException("the gateway acts as itself, never as a person");
        }
    }

    /** The gateway acting on its own (escalation steps, deliveries, inbound verdicts, its start). */
    public static ActorRef gateway() {
        return GATEWAY;
    }

    /** A point of contact of an organisation, no person named. */
    public static ActorRef of(String pocId, String organisationId) {
        return new ActorRef(Optional.empty(), pocId, organisationId);
    }

    /** A named person acting as a point of contact of an organisation. */
    public static ActorRef person(String person, String pocId, String organisationId) {
        return new ActorRef(Optional.of(person), pocId, organisationId);
    }

    public boolean isGateway() {
        return pocId == null;
    }

    @Override
    public String toString() {
        if (isGateway()) {
            return "the gateway";
        }
        return person.map(p -> p + " as ").orElse("") + pocId + " (" + organisationId + ")";
    }
}
