package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRefusesBadOrganisationStructureTest {
    @TempDir
    Path dir;

    @Test
    void refusesADirectoryWithoutNisc() {
        DirectoryException e = refuse(dir, replace(minimal(), "    kind: nisc\n", "    kind: agency\n"));

        assertProblem(e, "organisations", null, "no organisation has kind nisc; exactly one is required");
    }

    @Test
    void refusesASecondNisc() {
        DirectoryException e = refuse(dir, replace(minimal(), "    kind: council\n", "    kind: nisc\n"));

        assertProblem(e, "organisations[council]", "kind", "there is already a nisc organisation (organisations[nisc]); exactly one is allowed");
    }

    @Test
    void refusesACeptoarWhoseMemberIsNotAnOperator() {
        DirectoryException e = refuse(dir, replace(minimal(), "members: [east-power]", "members: [east-power, meti]"));

        assertProblem(e, "organisations[power-ceptoar]", "members[1]",
                "\"meti\" is a ministry; the members of a ceptoar must be of kind operator");
    }

    @Test
    void refusesACouncilWhoseMemberIsNotACeptoar() {
        DirectoryException e = refuse(dir, replace(minimal(), "members: [power-ceptoar]", "members: [power-ceptoar, east-power]"));

        assertProblem(e, "organisations[council]", "members[1]",
                "\"east-power\" is an operator; the members of a council must be of kind ceptoar");
    }

    @Test
    void refusesAMinistryThatOwnsNoSector() {
        DirectoryException e = refuse(dir, replace(minimal(), "    sectors: [electric-power, gas]\n", ""));

        assertProblem(e, "organisations[meti]", "sectors", "a ministry must own at least one sector");
    }

    @Test
    void refusesMembersOnAnOrganisationThatCannotHaveThem() {
        DirectoryException e = refuse(dir, replace(minimal(), "    sectors: [electric-power, gas]\n",
                "    sectors: [electric-power, gas]\n    members: [east-power]\n"));

        assertProblem(e, "organisations[meti]", "members", "only a ceptoar (member operators) or a council (member CEPTOARs) has members");
    }
}
