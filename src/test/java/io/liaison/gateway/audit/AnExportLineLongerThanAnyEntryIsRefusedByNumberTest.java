package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export is read as a stream of bounded lines: a line longer than any entry (a file that is no export, or one
 * built to exhaust the verifier's memory) is refused naming its line, and lines split on LF only, as written.
 */
class AnExportLineLongerThanAnyEntryIsRefusedByNumberTest {
    @TempDir
    Path work;

    @Test
    void anOverlongLineIsNamed() throws IOException {
        Path file = work.resolve("audit.jsonl");
        Files.writeString(file, "{}\n" + "x".repeat(AuditExport.MAX_LINE_CHARS + 1) + "\n", StandardCharsets.UTF_8);

        IOException refused = assertThrows(IOException.class, () -> AuditExport.read(file));

        assertTrue(refused.getMessage().contains("line 2 is longer than"), refused.getMessage());
    }

    @Test
    void linesSplitOnLineFeedOnlyAndKeepAStrayCarriageReturn() throws IOException {
        Path file = work.resolve("audit.jsonl");
        Files.writeString(file, "a\r\nb\n", StandardCharsets.UTF_8);

        assertEquals(List.of("a\r", "b", ""), AuditExport.lines(file));
    }

    @Test
    void anExportThatIsNotUtf8IsRefused() throws IOException {
        Path file = work.resolve("audit.jsonl");
        Files.write(file, new byte[] {'{', (byte) 0xC3, '}', '\n'});

        IOException refused = assertThrows(IOException.class, () -> AuditExport.read(file));

        assertTrue(refused.getMessage().contains("is not UTF-8 text"), refused.getMessage());
    }
}
