package io.liaison.gateway.testing;

import io.liaison.gateway.intake.NoticeFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Notice files for tests: the samples, or YAML written inline. */
public final class Notices {
    private Notices() {
    }

    public static NoticeFile earlyWarning() {
        return sample("keys-sample/notices/early-warning-power.yaml");
    }

    public static NoticeFile provision() {
        return sample("keys-sample/notices/provision-power.yaml");
    }

    public static NoticeFile of(String name, String yaml) {
        return new NoticeFile(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static NoticeFile sample(String path) {
        try {
            return new NoticeFile(path, Files.readAllBytes(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
