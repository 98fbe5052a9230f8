package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryRefusesNonE164NumbersTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnSmsNumberWithHyphens() {
        DirectoryException e = refuse(dir, replace(minimal(), "- sms: \"+819000000051\"", "- sms: \"+81-90-1234\""));

        assertProblem(e, "points_of_contact[east-power-soc]", "channels[1].sms", "\"+81-90-1234\" is not an E.164 number (+ and 8-15 digits)");
        assertTrue(e.getMessage().contains(
                "directory.yaml: points_of_contact[east-power-soc].channels[1].sms: \"+81-90-1234\" is not an E.164 number (+ and 8-15 digits)"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0312340001", "+8131234", "+8131234000112345", "+0312340001", "+81 3 1234 0001", "81312340001"})
    void refusesAFaxNumberOutsideE164(String number) {
        DirectoryException e = refuse(dir, replace(minimal(), "- fax: \"+81312340001\"", "- fax: \"" + number + "\""));

        assertProblem(e, "points_of_contact[east-power-soc]", "channels[2].fax", "\"" + number + "\" is not an E.164 number");
    }

    @Test
    void refusesAnUnquotedNumberThatYamlReadsAsAnInteger() {
        DirectoryException e = refuse(dir, replace(minimal(), "- sms: \"+819000000051\"", "- sms: +819000000051"));

        assertProblem(e, "points_of_contact[east-power-soc]", "channels[1].sms",
                "must be text; got the number 819000000051 (YAML reads an unquoted number as a number and drops a leading +");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+81312340", "+819012345678", "+123456789012345"})
    void acceptsEightToFifteenDigits(String number) throws Exception {
        DirectoryFixtures.load(dir, replace(minimal(), "- fax: \"+81312340001\"", "- fax: \"" + number + "\""));
    }
}
