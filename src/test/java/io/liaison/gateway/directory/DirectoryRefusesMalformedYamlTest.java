package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.CLOCK;
import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRefusesMalformedYamlTest {
    @TempDir
    Path dir;

    @Test
    void namesTheFileLineAndColumn() {
        // Line 5 is "    name_ja: 電力"; breaking its indentation is a classic hand-editing slip.
        DirectoryException e = refuse(dir, replace(minimal(), "    name_ja: 電力\n", "   name_ja: 電力\n"));

        assertEquals(1, e.problems().size(), e.getMessage());
        DirectoryProblem p = assertProblem(e, null, null, "is not valid YAML at line 5, column ");
        assertTrue(e.getMessage().contains(dir.resolve("directory.yaml") + ": is not valid YAML at line 5"), e.getMessage());
        assertEquals(dir.resolve("directory.yaml"), p.file());
    }

    @Test
    void refusesTabsForIndentation() {
        DirectoryException e = refuse(dir, replace(minimal(), "    name: Gas\n", "\tname: Gas\n"));

        assertProblem(e, null, null, "is not valid YAML at line 7, column 1");
    }

    @Test
    void refusesTagsThatNameJavaClasses() {
        DirectoryException e = refuse(dir, replace(minimal(), "    name: NISC\n", "    name: !!java.io.File [\"/etc/passwd\"]\n"));

        assertProblem(e, null, null, "is not valid YAML at line ");
    }

    @Test
    void refusesAnEmptyFile() {
        DirectoryException e = refuse(dir, "# nothing but a comment\n");

        assertProblem(e, null, null, "is empty");
    }

    @Test
    void refusesADocumentThatIsNotAMapping() {
        DirectoryException e = refuse(dir, "- sectors\n- organisations\n");

        assertProblem(e, null, null, "must be a mapping with sectors, dependencies, organisations, points_of_contact, agreements");
    }

    @Test
    void refusesAMissingFile() {
        Path missing = dir.resolve("nowhere.yaml");

        DirectoryException e = refuse(new DirectoryLoader(CLOCK, new DirectoryFixtures.AlwaysValidCertificates()), missing);

        assertProblem(e, null, null, "no such file");
        assertTrue(e.getMessage().contains(missing + ": no such file"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws Exception {
        Path file = dir.resolve("directory.yaml");
        Files.write(file, new byte[] {'s', 'e', 'c', (byte) 0xff, (byte) 0xfe, ':', '\n'});

        DirectoryException e = refuse(new DirectoryLoader(CLOCK, new DirectoryFixtures.AlwaysValidCertificates()), file);

        assertProblem(e, null, null, "is not UTF-8 text");
    }
}
