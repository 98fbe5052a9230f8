package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.load;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People per point of contact: who logs in (OpenID Connect issuer + subject, or an e-mail) and with
 * which role. A bad entry names the file, the point of contact's entry and the field; a login that two
 * people share, or a role the organisation's kind cannot hold, is refused.
 */
class PeopleInTheDirectoryAreValidatedTest {
    private static final String NISC_POC = """
              - email: duty@nisc.test.invalid
              - sms: "+819000000001"
        """;

    @TempDir
    Path dir;

    private String withNiscPeople(String people) {
        return replace(minimal(), NISC_POC, NISC_POC + "    people:\n" + people);
    }

    @Test
    void aPersonIsReadWithTheirLoginAndRoleAndFoundByTheirLogin() throws Exception {
        Directory d = load(dir, withNiscPeople("""
                      - id: sato
                        name: Sato Haruka
                        role: duty_officer
                        oidc: {issuer: "https://idp.nisc.example/", subject: "248289761001"}
                        email: sato@nisc.example
                """));

        Person sato = d.person("sato").orElseThrow();
        assertEquals("nisc-duty", sato.pocId());
        assertEquals(Role.DUTY_OFFICER, sato.role());
        assertEquals(Optional.of(sato), d.personWithLogin(new OidcIdentity("https://idp.nisc.example/", "248289761001")));
        assertEquals(Optional.of(sato), d.personWithEmail("SATO@nisc.example"));
        assertTrue(d.personWithLogin(new OidcIdentity("https://idp.other.example/", "248289761001")).isEmpty(),
                "the same subject at another issuer is another login");
    }

    @Test
    void aRoleTheOrganisationKindCannotHoldIsRefusedNamingTheField() {
        DirectoryException e = refuse(dir, withNiscPeople("""
                      - id: sato
                        name: Sato Haruka
                        role: soc
                        email: sato@nisc.example
                """));
        assertProblem(e, "points_of_contact[nisc-duty]", "people[0].role", "not a role in nisc organisations");
    }

    @Test
    void anUnknownRoleAMissingLoginAndAnUnknownFieldAreEachNamed() {
        DirectoryException e = refuse(dir, withNiscPeople("""
                      - id: sato
                        name: Sato Haruka
                        role: boss
                        email: sato@nisc.example
                      - id: kimura
                        name: Kimura Ken
                        role: approver
                      - id: ito
                        name: Ito Mai
                        role: reader
                        email: ito@nisc.example
                        phone: "+81300000000"
                """));
        assertProblem(e, "points_of_contact[nisc-duty]", "people[0].role", "\"boss\" is not a role");
        assertProblem(e, "points_of_contact[nisc-duty]", "people[1]", "has no login");
        assertProblem(e, "points_of_contact[nisc-duty]", "people[2].phone", "is not a known field");
    }

    @Test
    void aLoginTwoPeopleShareIsRefused() {
        DirectoryException e = refuse(dir, withNiscPeople("""
                      - id: sato
                        name: Sato Haruka
                        role: duty_officer
                        oidc: {issuer: "https://idp.nisc.example/", subject: "s1"}
                      - id: kimura
                        name: Kimura Ken
                        role: approver
                        oidc: {issuer: "https://idp.nisc.example/", subject: "s1"}
                """));
        assertProblem(e, "points_of_contact[nisc-duty]", "people[1].oidc", "already used by");
    }

    @Test
    void anIssuerInClearOffLoopbackIsRefused() {
        DirectoryException e = refuse(dir, withNiscPeople("""
                      - id: sato
                        name: Sato Haruka
                        role: duty_officer
                        oidc: {issuer: "http://idp.nisc.example/", subject: "s1"}
                """));
        assertProblem(e, "points_of_contact[nisc-duty]", "people[0].oidc.issuer", "must be an https:// URL");
    }
}
