package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRefusesUnknownKeysTest {
    @TempDir
    Path dir;

    @Test
    void refusesAMisspeltOptionalFieldInsteadOfTakingItsDefault() {
        // Silently ignored, this typo would leave forwarding at its default.
        DirectoryException e = refuse(dir, replace(minimal(), "recipient_may_forward: true", "recipient_may_foward: true"));

        assertProblem(e, "agreements[HA-1]", "recipient_may_foward",
                "is not a known field; did you mean \"recipient_may_forward\"?");
    }

    @Test
    void refusesAMisspeltStandbyFlag() {
        DirectoryException e = refuse(dir, replace(minimal(), "    role: soc\n", "    role: soc\n    stand_by: true\n"));

        assertProblem(e, "points_of_contact[east-power-soc]", "stand_by", "did you mean \"standby\"?");
    }

    @Test
    void refusesUnknownFieldsInEverySection() {
        String yaml = replace(minimal(), "    name_ja: ガス\n", "    name_ja: ガス\n    colour: blue\n");
        yaml = replace(yaml, "    affects: [gas]\n", "    affects: [gas]\n    severity: high\n");
        yaml = replace(yaml, "    name: METI\n", "    name: METI\n    sector: [electric-power]\n");

        DirectoryException e = refuse(dir, yaml);

        assertProblem(e, "sectors[gas]", "colour", "is not a known field; known fields: id, name, name_ja");
        assertProblem(e, "dependencies[electric-power]", "severity", "is not a known field");
        assertProblem(e, "organisations[meti]", "sector", "did you mean \"sectors\"?");
    }

    @Test
    void refusesAnUnknownSection() {
        DirectoryException e = refuse(dir, minimal().replace("organisations:", "organizations:"));

        assertProblem(e, "organizations", null, "is not a known section; did you mean \"organisations\"?");
        assertProblem(e, "organisations", null, "is required");
    }
}
