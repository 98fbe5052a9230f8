package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRefusesMissingOrMistypedFieldsTest {
    @TempDir
    Path dir;

    @Test
    void refusesAPointOfContactWithoutNameOrRole() {
        String yaml = replace(minimal(), "    name: East Power SOC\n    role: soc\n", "");

        DirectoryException e = refuse(dir, yaml);

        assertProblem(e, "points_of_contact[east-power-soc]", "name", "is required");
        assertProblem(e, "points_of_contact[east-power-soc]", "role", "is required");
    }

    @Test
    void namesAnEntryWithoutAnIdByItsPosition() {
        DirectoryException e = refuse(dir, replace(minimal(), "  - id: gas\n", "  - name_en: x\n"));

        assertProblem(e, "sectors[1]", "id", "is required");
        assertProblem(e, "sectors[1]", "name_en", "is not a known field");
    }

    @Test
    void refusesValuesOfTheWrongType() {
        String yaml = replace(minimal(), "  - id: council\n", "  - id: 110\n");
        yaml = replace(yaml, "    role: soc\n", "    role: soc\n    standby: sometimes\n");
        yaml = replace(yaml, "    name: NISC duty officer\n", "    name: no\n");
        yaml = replace(yaml, "members: [power-ceptoar]", "members: power-ceptoar");

        DirectoryException e = refuse(dir, yaml);

        assertProblem(e, "organisations[3]", "id", "must be text; got the number 110");
        assertProblem(e, "points_of_contact[east-power-soc]", "standby", "must be true or false; got \"sometimes\"");
        assertProblem(e, "points_of_contact[nisc-duty]", "name", "must be text; got the boolean false (YAML reads unquoted yes/no");
        assertProblem(e, "organisations[3]", "members", "must be a list, e.g. [a, b]; got \"power-ceptoar\"");
    }

    @Test
    void refusesAnEntryThatIsNotAMapping() {
        DirectoryException e = refuse(dir, replace(minimal(), "  - id: gas\n    name: Gas\n    name_ja: ガス\n", "  - gas\n"));

        assertProblem(e, "sectors[1]", null, "must be a mapping with id, name, name_ja; got \"gas\"");
    }

    @Test
    void refusesAMissingRequiredSection() {
        String yaml = minimal();
        yaml = yaml.substring(0, yaml.indexOf("points_of_contact:")) + yaml.substring(yaml.indexOf("agreements:"));

        DirectoryException e = refuse(dir, yaml);

        assertProblem(e, "points_of_contact", null, "is required");
    }

    @Test
    void refusesASectionThatIsNotAList() {
        DirectoryException e = refuse(dir, replace(minimal(), "dependencies:\n  - sector: electric-power\n    affects: [gas]\n",
                "dependencies:\n  electric-power: [gas]\n"));

        assertProblem(e, "dependencies", null, "must be a list of entries");
    }
}
