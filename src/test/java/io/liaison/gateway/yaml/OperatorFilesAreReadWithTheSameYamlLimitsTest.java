package io.liaison.gateway.yaml;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.DirectoryException;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.intake.NoticeParser;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.SampleDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notice files and the directory are the operator's, but a hostile number or nesting in one still cannot stall the gateway. */
class OperatorFilesAreReadWithTheSameYamlLimitsTest {
    @TempDir
    Path work;

    @Test
    void aNoticeWithAThousandDigitIntegerIsRefusedUnread() {
        NoticeRejectedException e = assertThrows(NoticeRejectedException.class, () -> new NoticeParser(SampleDirectory.load(
                MutableClock.sampleDay())).parse("huge.yaml", ("kind: early-warning\npriority: " + "1".repeat(1000) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("longer than the limit of 40"), e.getMessage());
    }

    @Test
    void aDirectoryNestedBeyondTheLimitIsRefusedUnread() throws Exception {
        Path file = work.resolve("directory.yaml");
        Files.writeString(file, "sectors: " + "[".repeat(500) + "]".repeat(500) + "\n");
        DirectoryException e = assertThrows(DirectoryException.class,
                () -> new DirectoryLoader(MutableClock.sampleDay(), new OpenPgpCertificateReader()).load(file));
        assertTrue(e.getMessage().contains("refused unread: nested deeper than the limit"), e.getMessage());
    }
}
