package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryRefusesBadAgreementsTest {
    private static final String AGREEMENT = "agreements[HA-1]";

    @TempDir
    Path dir;

    @Test
    void refusesTlpWhiteWithAHintToUseTlpClear() {
        DirectoryException e = refuse(dir, replace(minimal(), "highest_level: TLP:AMBER", "highest_level: TLP:WHITE"));

        assertProblem(e, AGREEMENT, "highest_level", "\"TLP:WHITE\" is TLP 1.0; TLP 2.0 renamed it, use TLP:CLEAR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AMBER", "tlp:amber", "TLP:YELLOW", "TLP:AMBER STRICT"})
    void refusesAnythingButATlp20Label(String label) {
        DirectoryException e = refuse(dir, replace(minimal(), "highest_level: TLP:AMBER", "highest_level: \"" + label + "\""));

        assertProblem(e, AGREEMENT, "highest_level",
                "\"" + label + "\" is not a TLP 2.0 label; use one of TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025/04/01", "01-04-2025", "2025-02-30", "2025-04-01T00:00:00Z", "\"April 1st\""})
    void refusesADateNotInIsoForm(String date) {
        DirectoryException e = refuse(dir, replace(minimal(), "valid_from: 2025-04-01", "valid_from: " + date));

        assertProblem(e, AGREEMENT, "valid_from", "is not a date in yyyy-MM-dd form");
    }

    @Test
    void refusesAnAgreementThatEndsBeforeItStarts() {
        DirectoryException e = refuse(dir, replace(minimal(), "valid_until: 2027-03-31", "valid_until: 2025-03-31"));

        assertProblem(e, AGREEMENT, "valid_until", "2025-03-31 is before valid_from 2025-04-01");
    }

    @Test
    void refusesAForwardingPermissionThatIsNotABoolean() {
        DirectoryException e = refuse(dir, replace(minimal(), "recipient_may_forward: true", "recipient_may_forward: members only"));

        assertProblem(e, AGREEMENT, "recipient_may_forward", "must be true or false; got \"members only\"");
    }

    @Test
    void refusesAnAgreementWithItself() {
        DirectoryException e = refuse(dir, replace(minimal(), "recipient: power-ceptoar", "recipient: nisc"));

        assertProblem(e, AGREEMENT, "recipient", "\"nisc\" is also the provider");
    }

    @Test
    void refusesAnAgreementWithoutALevel() {
        DirectoryException e = refuse(dir, replace(minimal(), "    highest_level: TLP:AMBER\n", ""));

        assertProblem(e, AGREEMENT, "highest_level", "is required");
    }
}
