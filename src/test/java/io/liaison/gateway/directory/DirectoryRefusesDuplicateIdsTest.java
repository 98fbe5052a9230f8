package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRefusesDuplicateIdsTest {
    @TempDir
    Path dir;

    @Test
    void refusesASectorDeclaredTwice() {
        DirectoryException e = refuse(dir, replace(minimal(), "  - id: gas\n    name: Gas\n", "  - id: electric-power\n    name: Gas\n"));

        assertProblem(e, "sectors[1]", "id", "\"electric-power\" is already used by sectors[0]; ids must be unique");
    }

    @Test
    void refusesAnOrganisationDeclaredTwice() {
        DirectoryException e = refuse(dir, replace(minimal(), "  - id: council\n", "  - id: meti\n"));

        assertProblem(e, "organisations[3]", "id", "\"meti\" is already used by organisations[1]");
    }

    @Test
    void refusesAPointOfContactDeclaredTwice() {
        DirectoryException e = refuse(dir, replace(minimal(), "  - id: east-power-soc\n", "  - id: nisc-duty\n"));

        assertProblem(e, "points_of_contact[1]", "id", "\"nisc-duty\" is already used by points_of_contact[0]");
    }

    @Test
    void refusesAnAgreementReferenceUsedTwice() {
        DirectoryException e = refuse(dir, minimal() + """
                  - ref: HA-1
                    provider: power-ceptoar
                    recipient: east-power
                    highest_level: TLP:GREEN
                    valid_from: 2025-04-01
                    valid_until: 2027-03-31
                """);

        assertProblem(e, "agreements[1]", "ref", "\"HA-1\" is already used by agreements[0]");
    }

    @Test
    void refusesTwoDependencyEntriesForOneSector() {
        DirectoryException e = refuse(dir, replace(minimal(), "    affects: [gas]\n",
                "    affects: [gas]\n  - sector: electric-power\n    affects: [gas]\n"));

        assertProblem(e, "dependencies[1]", "sector", "list all affected sectors in one entry");
    }

    @Test
    void refusesAKeyRepeatedWithinOneEntry() {
        DirectoryException e = refuse(dir, replace(minimal(), "    role: soc\n", "    role: soc\n    role: csirt\n"));

        assertProblem(e, null, null, "duplicate key role");
    }
}
