package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.fax.FaxNotices;
import io.liaison.gateway.compose.fax.RenderedFax;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database, the acceptance journals and every folder the gateway creates for them hold who was
 * sent what: created readable by the gateway's user only, whatever the umask.
 */
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "liaison.test.database", matches = "postgresql",
        disabledReason = "the files checked are H2's database files; a PostgreSQL server keeps its own, owned by its own user")
class DataFilesAreOwnerOnlyTest {
    @TempDir
    Path work;

    @Test
    void databaseAndJournalFoldersAre0700AndTheirFiles0600() throws Exception {
        Path data = work.resolve("srv/liaison/data");
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Properties p = h.overrides();
            p.setProperty("gateway.db.url", "jdbc:h2:file:" + data.resolve("gateway") + ";FILE_LOCK=FS;WRITE_DELAY=0");
            try (Gateway g = Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start()) {
                String ref = g.send(Notices.earlyWarning()).reference();
                g.awaitSettled(ref, Duration.ofSeconds(60));

                for (Path dir : List.of(work.resolve("srv"), work.resolve("srv/liaison"), data)) {
                    assertEquals("rwx------", permissions(dir), dir.toString());
                }
                List<Path> files;
                try (Stream<Path> s = Files.list(data)) {
                    files = s.toList();
                }
                assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("gateway.mv.db")), files.toString());
                assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("email-acceptances.journal")), files.toString());
                for (Path f : files) {
                    assertEquals("rw-------", permissions(f), f.toString());
                }
            }
        }
    }

    @Test
    void faxPagesWrittenOutAreOwnerOnly() throws Exception {
        RenderedFax fax = FaxNotices.renderer(Tlp.AMBER).render(FaxNotices.notice(Tlp.AMBER), FaxNotices.context());

        List<Path> written = fax.writeTo(work.resolve("demo-out/faxes"), "fax-01");

        assertEquals("rwx------", permissions(work.resolve("demo-out")));
        assertEquals("rwx------", permissions(work.resolve("demo-out/faxes")));
        for (Path f : written) {
            assertEquals("rw-------", permissions(f), f.toString());
        }
    }

    private static String permissions(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
