package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRefusesUnknownReferencesTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnOrganisationInAnUnknownSector() {
        DirectoryException e = refuse(dir, replace(minimal(), "sectors: [electric-power, gas]", "sectors: [electric-power, gaz]"));

        assertProblem(e, "organisations[meti]", "sectors[1]", "\"gaz\" is not a sector in this directory; did you mean \"gas\"?");
    }

    @Test
    void refusesDependenciesOnUnknownSectors() {
        DirectoryException e = refuse(dir, replace(minimal(), """
                  - sector: electric-power
                    affects: [gas]
                """, """
                  - sector: electric-power
                    affects: [gas, water]
                  - sector: railway
                    affects: [gas]
                """));

        assertProblem(e, "dependencies[electric-power]", "affects[1]", "\"water\" is not a sector in this directory");
        assertProblem(e, "dependencies[railway]", "sector", "\"railway\" is not a sector in this directory");
    }

    @Test
    void refusesUnknownMembers() {
        DirectoryException e = refuse(dir, replace(minimal(), "members: [east-power]", "members: [east-power, west-power]"));

        assertProblem(e, "organisations[power-ceptoar]", "members[1]", "\"west-power\" is not an organisation in this directory");
    }

    @Test
    void refusesAPointOfContactOfAnUnknownOrganisation() {
        DirectoryException e = refuse(dir, replace(minimal(), "organisation: east-power", "organisation: east-powr"));

        assertProblem(e, "points_of_contact[east-power-soc]", "organisation",
                "\"east-powr\" is not an organisation in this directory; did you mean \"east-power\"?");
    }

    @Test
    void refusesAgreementsWithUnknownParties() {
        String yaml = replace(minimal(), "provider: nisc", "provider: nics");
        yaml = replace(yaml, "recipient: power-ceptoar", "recipient: gas-ceptoar");

        DirectoryException e = refuse(dir, yaml);

        assertProblem(e, "agreements[HA-1]", "provider", "\"nics\" is not an organisation in this directory");
        assertProblem(e, "agreements[HA-1]", "recipient", "\"gas-ceptoar\" is not an organisation in this directory");
    }
}
