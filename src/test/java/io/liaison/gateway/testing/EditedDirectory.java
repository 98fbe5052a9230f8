package io.liaison.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A copy of the sample directory (with its certificates, which it names relative to its own folder) in
 * a test's folder, with some text replaced: an agreement that covers another level, a changed number, a
 * contact removed. Every replaced text must be found, so a changed sample fails loudly, not silently.
 */
public final class EditedDirectory {
    private final Path folder;
    private String yaml;

    private EditedDirectory(Path folder, String yaml) {
        this.folder = folder;
        this.yaml = yaml;
    }

    public static EditedDirectory ofSample(Path folder) throws IOException {
        copyAll(Path.of("keys-sample/certs"), folder.resolve("certs"));
        copyAll(Path.of("keys-sample/smime/certs"), folder.resolve("smime/certs"));
        return new EditedDirectory(folder, Files.readString(SampleDirectory.FILE, StandardCharsets.UTF_8));
    }

    public EditedDirectory replace(String from, String to) {
        if (!yaml.contains(from)) {
            throw new IllegalStateException("the sample directory no longer contains: " + from);
        }
        yaml = yaml.replace(from, to);
        return this;
    }

    /** Writes the directory as it stands now and returns its file, for {@code gateway.directory}. */
    public Path write() throws IOException {
        Path file = folder.resolve("directory.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static void copyAll(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
