package io.liaison.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.OidcIdentity;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.Role;
import io.liaison.gateway.testing.SampleDirectory;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sample directory's demo users resolve to the point of contact, organisation and role the
 * directory gives them; a login the directory does not hold resolves to nobody.
 */
class ActorsComeFromTheDirectoryTest {
    private static final String DEMO_ISSUER = "http://127.0.0.1:8089/demo";
    private final Directory directory = SampleDirectory.load(Clock.systemUTC());
    private final Actors actors = new Actors(() -> directory);

    @Test
    void everyDemoUserIsAPersonOfTheirOrganisationWithTheirRole() {
        assertActor("sato", "nisc-duty", "nisc", OrganisationKind.NISC, Role.DUTY_OFFICER);
        assertActor("kimura", "nisc-duty", "nisc", OrganisationKind.NISC, Role.APPROVER);
        assertActor("yamada", "meti-liaison", "meti", OrganisationKind.MINISTRY, Role.LIAISON);
        assertActor("ito", "power-ceptoar-duty", "power-ceptoar", OrganisationKind.CEPTOAR, Role.COORDINATOR);
        assertActor("nakamura", "east-power-soc", "east-power", OrganisationKind.OPERATOR, Role.SOC);
        assertActor("kobayashi", "west-power-soc", "west-power", OrganisationKind.OPERATOR, Role.SOC);
    }

    @Test
    void aLoginTheDirectoryDoesNotHoldIsNobody() {
        assertThrows(UnknownActorException.class, () -> actors.resolve(new OidcIdentity(DEMO_ISSUER, "mallory"), Via.CONSOLE));
        assertThrows(UnknownActorException.class, () -> actors.resolve(new OidcIdentity("https://evil.example/", "sato"), Via.CONSOLE));
        assertThrows(UnknownActorException.class, () -> actors.resolveLocal("nobody-here"));
    }

    @Test
    void aPointOfContactNamedOnTheHostActsInItsOrganisationsRole() {
        Actor soc = actors.resolveLocal("east-power-soc");
        assertEquals(Optional.empty(), soc.person());
        assertEquals(Role.SOC, soc.role());
        assertEquals(Via.CLI_LOCAL_ADMIN, soc.via());
        // nisc-duty has a duty officer and an approver: named by its id alone, it is the duty officer
        assertEquals(Role.DUTY_OFFICER, actors.resolveLocal("nisc-duty").role());
    }

    private void assertActor(String subject, String poc, String org, OrganisationKind kind, Role role) {
        Actor a = actors.resolve(new OidcIdentity(DEMO_ISSUER, subject), Via.CONSOLE);
        assertEquals(Optional.of(new PersonId(subject)), a.person());
        assertEquals(poc, a.pocId());
        assertEquals(org, a.organisationId());
        assertEquals(kind, a.kind());
        assertEquals(role, a.role());
        assertEquals(org, actors.resolveLocal(subject).organisationId(), "the same person named by id on the host");
    }
}
