package io.liaison.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's table of who may do what is printed from the gateway's own {@link Authorisation}: if
 * either changes without the other, this fails and writes the table the README should hold to
 * target/authorisation-table.md.
 */
class AuthorisationTableIsTheReadmeTableTest {
    static final String BEGIN = "<!-- authorisation-table:begin (printed by AuthorisationTableIsTheReadmeTableTest) -->\n";
    static final String END = "<!-- authorisation-table:end -->";

    @Test
    void theReadmeShowsExactlyTheTableTheGatewayEnforces() throws IOException {
        String expected = Authorisation.standard().markdown();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/authorisation-table.md"), expected, StandardCharsets.UTF_8);
        assertEquals(expected, readmeTable(), "README.md's authorisation table differs from Authorisation.standard();"
                + " the current table is in target/authorisation-table.md");
    }

    static String readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has no authorisation table between the markers");
        return readme.substring(begin + BEGIN.length(), end);
    }
}
