package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryReportsAllProblemsAtOnceTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryProblemInFileOrderOneLineEach() {
        String yaml = replace(minimal(), "    name_ja: ガス\n", "");
        yaml = replace(yaml, "kind: operator", "kind: company");
        yaml = replace(yaml, "- sms: \"+819000000051\"", "- sms: \"+81-90-1234\"");
        yaml = replace(yaml, "highest_level: TLP:AMBER", "highest_level: TLP:WHITE");
        yaml = replace(yaml, "valid_until: 2027-03-31", "valid_until: 2027-3-31");

        DirectoryException e = refuse(dir, yaml);

        List<String> locations = e.problems().stream().map(DirectoryProblem::location).toList();
        assertEquals(List.of(
                "sectors[gas].name_ja",
                "organisations[east-power].kind",
                "points_of_contact[east-power-soc].channels[1].sms",
                "agreements[HA-1].highest_level",
                "agreements[HA-1].valid_until"), locations, e.getMessage());
        assertTrue(e.getMessage().startsWith("directory " + dir.resolve("directory.yaml") + " refused: 5 problems\n"), e.getMessage());
        for (DirectoryProblem p : e.problems()) {
            assertTrue(e.getMessage().contains("\n  " + dir.resolve("directory.yaml") + ": " + p.location() + ": " + p.reason()),
                    e.getMessage());
        }
        assertProblem(e, "sectors[gas]", "name_ja", "is required");
        assertProblem(e, "organisations[east-power]", "kind",
                "\"company\" is not an organisation kind; use one of nisc, ministry, ceptoar, council, operator, agency");
        assertProblem(e, "agreements[HA-1]", "highest_level", "use TLP:CLEAR");
        assertProblem(e, "agreements[HA-1]", "valid_until", "\"2027-3-31\" is not a date in yyyy-MM-dd form");
    }

    @Test
    void anOrganisationWithABadKindDoesNotAlsoBreakReferencesToIt() {
        DirectoryException e = refuse(dir, replace(minimal(), "kind: operator", "kind: company"));

        assertEquals(1, e.problems().size(), e.getMessage());
    }
}
