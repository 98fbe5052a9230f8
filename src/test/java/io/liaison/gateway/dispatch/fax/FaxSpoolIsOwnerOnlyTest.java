package io.liaison.gateway.dispatch.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fax job is the notice in clear: the spool folder the gateway creates, and every job in it, are its user's only. */
class FaxSpoolIsOwnerOnlyTest {
    @TempDir
    Path work;

    @Test
    void spoolFoldersCreatedByTheGatewayAre0700AndJobFiles0600() throws Exception {
        Path spool = work.resolve("var/fax/spool");
        FaxJob job = FaxJobs.of(Tlp.AMBER, 3, "+81312340001");

        new SpoolDirectoryFaxBridge(spool, MutableClock.sampleDay()).submit(job);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("var"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("var/fax"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)));
        try (Stream<Path> files = Files.list(spool)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }
}
