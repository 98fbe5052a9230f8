package io.liaison.gateway.application;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.OidcIdentity;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.Person;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.directory.Role;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way to an {@link Actor}: from what a door authenticated (an OpenID Connect login, a login
 * e-mail, a person id behind an API token, a {@code --as} name on the gateway host) to the directory's
 * person → point of contact → organisation → role. Nothing an identity provider claims about
 * organisation or role is ever consulted (MISP issue 9478). Reads the directory current at each call,
 * so a reload applies to the next request.
 */
public final class Actors {
    private final Supplier<Directory> directory;

    public Actors(Supplier<Directory> directory) {
        this.directory = directory;
    }

    /** The person an OpenID Connect provider authenticated, by issuer and subject. */
    public Actor resolve(OidcIdentity login, Via via) {
        Person p = directory.get().personWithLogin(login)
                .orElseThrow(() -> new UnknownActorException("no person in the directory logs in as " + login));
        return of(p, via);
    }

    /** The person with this directory id (an API token names one). */
    public Actor resolvePerson(PersonId person, Via via) {
        Person p = directory.get().person(person.value())
                .orElseThrow(() -> new UnknownActorException("no person " + person + " in the directory"));
        return of(p, via);
    }

    /** The person whose login e-mail this is. */
    public Actor resolveEmail(String email, Via via) {
        Person p = directory.get().personWithEmail(email)
                .orElseThrow(() -> new UnknownActorException("no person in the directory logs in with " + email));
        return of(p, via);
    }

    /**
     * {@code --as NAME} on the gateway host: a person id, or a point of contact id acted for by nobody in
     * particular. A point of contact with people takes the role its people share; one with none (or
     * with people of several roles) takes its organisation kind's acting role, so today's commands keep
     * working. Audited as the point of contact via CLI_LOCAL_ADMIN.
     */
    public Actor resolveLocal(String name) {
        Directory d = directory.get();
        Optional<Person> person = d.person(name);
        if (person.isPresent()) {
            return of(person.get(), Via.CLI_LOCAL_ADMIN);
        }
        PointOfContact poc = d.pointOfContact(name).orElseThrow(() -> new UnknownActorException(
                "--as " + name + ": no person or point of contact with that id in the directory"));
        Organisation org = organisation(d, poc);
        List<Role> roles = d.peopleOf(poc.id()).stream().map(Person::role).distinct().toList();
        Role role = roles.size() == 1 ? roles.get(0) : actingRole(org.kind());
        return new Actor(Optional.empty(), poc.id(), org.id(), org.kind(), role, Via.CLI_LOCAL_ADMIN);
    }

    /**
     * NISC's own desk on the gateway host (its first point of contact that is not standby): who records
     * what reached NISC another way, such as a confirmation given by phone.
     */
    public Actor niscDesk() {
        Directory d = directory.get();
        PointOfContact desk = d.activePointsOfContactOf(d.nisc().id()).stream().findFirst()
                .orElseThrow(() -> new UnknownActorException("NISC has no point of contact in the directory"));
        return new Actor(Optional.empty(), desk.id(), d.nisc().id(), OrganisationKind.NISC, Role.DUTY_OFFICER, Via.CLI_LOCAL_ADMIN);
    }

    private Actor of(Person p, Via via) {
        Directory d = directory.get();
        PointOfContact poc = d.pointOfContact(p.pocId())
                .orElseThrow(() -> new UnknownActorException("person " + p.id() + " acts for " + p.pocId() + ", not in the directory"));
        Organisation org = organisation(d, poc);
        return new Actor(Optional.of(new PersonId(p.id())), poc.id(), org.id(), org.kind(), p.role(), via);
    }

    private static Organisation organisation(Directory d, PointOfContact poc) {
        return d.organisation(poc.organisationId()).orElseThrow(() -> new UnknownActorException(
                "point of contact " + poc.id() + " belongs to " + poc.organisationId() + ", not in the directory"));
    }

    /** The role a point of contact acts in when no person is named: the one its organisation kind acts with. */
    static Role actingRole(OrganisationKind kind) {
        return switch (kind) {
            case NISC -> Role.DUTY_OFFICER;
            case MINISTRY, AGENCY -> Role.LIAISON;
            case CEPTOAR, COUNCIL -> Role.COORDINATOR;
            case OPERATOR -> Role.SOC;
        };
    }
}
