package io.liaison.gateway.testing;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import java.nio.file.Path;
import java.time.Clock;

/** The sample directory in keys-sample/, loaded as the gateway loads it. */
public final class SampleDirectory {
    public static final Path FILE = Path.of("keys-sample/directory.yaml");

    private SampleDirectory() {
    }

    public static Directory load(Clock clock) {
        try {
            return new DirectoryLoader(clock, new OpenPgpCertificateReader()).load(FILE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
