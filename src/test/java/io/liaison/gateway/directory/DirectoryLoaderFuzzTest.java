package io.liaison.gateway.directory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liaison.gateway.inbound.FuzzBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory loader on arbitrary bytes: a directory or a {@link DirectoryException}, nothing else
 * (docs/fuzzing.md). Certificates are not read (a fuzzed path could name any file); their checks have
 * their own tests.
 */
class DirectoryLoaderFuzzTest {
    private static final Path FILE = file();
    private static final DirectoryLoader LOADER = new DirectoryLoader(DirectoryFixtures.CLOCK,
            new DirectoryFixtures.AlwaysValidCertificates(), new DirectoryFixtures.AlwaysValidCertificates());

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void directoryLoader(byte[] yaml) throws IOException {
        Files.write(FILE, yaml);
        try {
            LOADER.load(FILE);
        } catch (DirectoryException expected) {
            // refused, every problem listed with its place
        }
    }

    private static Path file() {
        try {
            Path dir = Files.createTempDirectory("directory-fuzz");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve("directory.yaml");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
