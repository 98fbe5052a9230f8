package io.liaison.gateway.dispatch.fax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.fax.TiffPages;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.MutableClock;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fax server watching the spool must never pick up half a file: temp file, forced to disk, then rename. */
class SpoolBridgePublishesWholeFilesOnlyTest {
    @TempDir
    Path spool;

    @Test
    void writesTheTiffThenTheJobDescriptionUnderTheirFinalNames() throws Exception {
        FaxJob job = FaxJobs.of(Tlp.AMBER, 12, "+81312340001");

        String id = new SpoolDirectoryFaxBridge(spool, MutableClock.sampleDay()).submit(job);

        assertEquals("spool:" + job.name(), id);
        assertEquals(List.of(job.name() + ".job", job.name() + ".tif"), names(spool), "nothing else left behind");
        byte[] tiff = Files.readAllBytes(spool.resolve(job.name() + ".tif"));
        assertArrayEquals(job.fax().tiff(), tiff);
        assertEquals(job.fax().pages(), TiffPages.read(tiff).size());
        Properties meta = new Properties();
        meta.load(new StringReader(Files.readString(spool.resolve(job.name() + ".job"), StandardCharsets.UTF_8)));
        assertEquals("+81312340001", meta.getProperty("number"));
        assertEquals("", meta.getProperty("subaddress"));
        assertEquals(job.name() + ".tif", meta.getProperty("document"));
        assertEquals(String.valueOf(job.fax().pages()), meta.getProperty("pages"));
        assertEquals("fine", meta.getProperty("resolution"));
        assertEquals("204", meta.getProperty("x-dpi"));
        assertEquals("196", meta.getProperty("y-dpi"));
        assertEquals("t4", meta.getProperty("compression"));
        assertEquals(job.reference(), meta.getProperty("reference"));
        assertEquals("TLP:AMBER", meta.getProperty("level"));
        assertEquals("false", meta.getProperty("cover-sheet-only"));
        assertEquals(MutableClock.sampleDay().instant().toString(), meta.getProperty("created"));
    }

    @Test
    void eachFileIsCompleteUnderAHiddenTemporaryNameBeforeItAppearsAndTheJobFileAppearsLast() throws Exception {
        FaxJob job = FaxJobs.of(Tlp.AMBER, 13, "+81312340001");
        List<String> seen = new ArrayList<>();
        SpoolDirectoryFaxBridge bridge = new SpoolDirectoryFaxBridge(spool, MutableClock.sampleDay(), (temporary, target) -> {
            seen.add(target.getFileName().toString());
            assertFalse(Files.exists(target), target + " must not exist before the rename");
            assertTrue(temporary.getFileName().toString().startsWith("."), "hidden temporary name: " + temporary);
            assertTrue(temporary.getFileName().toString().endsWith(".tmp"), "temporary extension: " + temporary);
            assertEquals(spool.toAbsolutePath(), temporary.getParent(), "same directory, so the rename is atomic");
            if (target.toString().endsWith(".tif")) {
                assertArrayEquals(job.fax().tiff(), Files.readAllBytes(temporary), "complete before it is published");
                assertFalse(Files.exists(spool.resolve(job.name() + ".job")), "no job description before its document");
            } else {
                assertArrayEquals(job.fax().tiff(), Files.readAllBytes(spool.resolve(job.name() + ".tif")),
                        "the document is published whole before its job description");
            }
        });

        bridge.submit(job);

        assertEquals(List.of(job.name() + ".tif", job.name() + ".job"), seen);
    }

    @Test
    void aFailureBeforeTheRenameLeavesNothingUnderTheFinalNameAndNoTemporaryFile() throws Exception {
        FaxJob job = FaxJobs.of(Tlp.AMBER, 14, "+81312340001");
        SpoolDirectoryFaxBridge bridge = new SpoolDirectoryFaxBridge(spool, MutableClock.sampleDay(), (temporary, target) -> {
            throw new IOException("No space left on device");
        });

        TransportFailure e = assertThrows(TransportFailure.class, () -> bridge.submit(job));

        assertFalse(e.isPermanent(), "a full disk is retried later");
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(List.of(), names(spool), "no partial or temporary file left");
    }

    @Test
    void aRetryOfTheSameDeliveryReplacesItsJobInsteadOfAddingAnother() throws Exception {
        SpoolDirectoryFaxBridge bridge = new SpoolDirectoryFaxBridge(spool, MutableClock.sampleDay());

        bridge.submit(FaxJobs.of(Tlp.AMBER, 15, "+81312340001"));
        bridge.submit(FaxJobs.of(Tlp.AMBER, 15, "+81312340001"));

        assertEquals(2, names(spool).size(), names(spool).toString());
    }

    @Test
    void aWatcherScanningTheSpoolWhileJobsArriveOnlyEverReadsWholeFiles() throws Exception {
        SpoolDirectoryFaxBridge bridge = new SpoolDirectoryFaxBridge(spool, MutableClock.sampleDay());
        byte[] expected = FaxJobs.of(Tlp.AMBER, 1, "+81312340001").fax().tiff();
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = new ArrayList<>();
        int[] reads = {0};
        Thread watcher = new Thread(() -> {
            boolean last = false;
            while (!last) {
                last = done.get(); // one more full scan after the writer finished
                try (Stream<Path> files = Files.list(spool)) {
                    for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".tif")).toList()) {
                        try {
                            byte[] got = Files.readAllBytes(p);
                            reads[0]++;
                            if (!java.util.Arrays.equals(expected, got)) {
                                problems.add(p.getFileName() + ": " + got.length + " of " + expected.length + " bytes");
                            }
                        } catch (NoSuchFileException gone) {
                            // replaced between list and read: fine
                        }
                    }
                } catch (IOException e) {
                    problems.add(e.toString());
                }
            }
        });
        watcher.start();
        for (int i = 0; i < 40; i++) {
            bridge.submit(FaxJobs.of(Tlp.AMBER, 100 + i, "+81312340001"));
        }
        done.set(true);
        watcher.join();

        assertEquals(List.of(), problems);
        assertTrue(reads[0] >= 40, "the watcher read every published file at least once: " + reads[0]);
        assertEquals(80, names(spool).size());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
