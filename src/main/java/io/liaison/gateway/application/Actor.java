package io.liaison.gateway.application;

import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Who acts: a person (when known) acting for one point of contact of one organisation, with the
 * organisation's kind and the person's role, and the door they came through. Built only by
 * {@link Actors} from the directory, so an organisation or role never comes from an identity
 * provider's claim; the constructor is package-private for that reason (a record's could not be).
 * The gateway's own actions use {@link #gateway()}.
 */
public final class Actor {
    private static final String GATEWAY = "gateway";
    private static final Actor THE_GATEWAY =
            new Actor(Optional.empty(), GATEWAY, GATEWAY, OrganisationKind.NISC, Role.READER, Via.GATEWAY);

    private final Optional<PersonId> person;
    private final String pocId;
    private final String organisationId;
    private final OrganisationKind kind;
    private final Role role;
    private final Via via;

    Actor(Optional<PersonId> person, String pocId, String organisationId, OrganisationKind kind, Role role, Via via) {
        this.person = Objects.requireNonNull(person, "person");
        this.pocId = Objects.requireNonNull(pocId, "pocId");
        this.organisationId = Objects.requireNonNull(organisationId, "organisationId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.role = Objects.requireNonNull(role, "role");
        this.via = Objects.requireNonNull(via, "via");
    }

    /** The gateway acting on its own: allowed everything, audited as the gateway. */
    public static Actor gateway() {
        return THE_GATEWAY;
    }

    public Optional<PersonId> person() {
        return person;
    }

    public String pocId() {
        return pocId;
    }

    public String organisationId() {
        return organisationId;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public Role role() {
        return role;
    }

    public Via via() {
        return via;
    }

    public boolean isGateway() {
        return via == Via.GATEWAY;
    }

    /** As the audit trail names this actor. */
    public ActorRef auditRef() {
        if (isGateway()) {
            return ActorRef.gateway();
        }
        return new ActorRef(person.map(PersonId::value), pocId, organisationId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor a && person.equals(a.person) && pocId.equals(a.pocId) && organisationId.equals(a.organisationId)
                && kind == a.kind && role == a.role && via == a.via;
    }

    @Override
    public int hashCode() {
        return Objects.hash(person, pocId, organisationId, kind, role, via);
    }

    /** "sato as nisc-duty (nisc, duty_officer) via CONSOLE": how refusals and logs name the actor. */
    @Override
    public String toString() {
        if (isGateway()) {
            return "the gateway";
        }
        return person.map(p -> p + " as ").orElse("") + pocId + " (" + organisationId + ", " + role.yamlName() + ") via " + via;
    }
}
