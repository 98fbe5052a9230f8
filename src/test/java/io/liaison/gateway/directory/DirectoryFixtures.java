package io.liaison.gateway.directory;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.liaison.gateway.keys.CertificateReader;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.UnreadableCertificateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Shared set-up for the directory tests: a fixed clock, a known-good file, and ways to break it. */
final class DirectoryFixtures {
    static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private DirectoryFixtures() {
    }

    /** The valid directory in src/test/resources/directory/minimal.yaml. */
    static String minimal() {
        try (InputStream in = DirectoryFixtures.class.getResourceAsStream("/directory/minimal.yaml")) {
            if (in == null) {
                throw new IllegalStateException("test resource /directory/minimal.yaml is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code yaml} with {@code original} replaced; fails loudly if the fixture no longer contains it. */
    static String replace(String yaml, String original, String replacement) {
        if (!yaml.contains(original)) {
            fail("fixture does not contain: " + original);
        }
        return yaml.replace(original, replacement);
    }

    static Path write(Path dir, String yaml) {
        try {
            return Files.writeString(dir.resolve("directory.yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads with certificates that always read and never expire, for tests not about certificates. */
    static Directory load(Path dir, String yaml) throws DirectoryException {
        return new DirectoryLoader(CLOCK, new AlwaysValidCertificates()).load(write(dir, yaml));
    }

    static DirectoryException refuse(Path dir, String yaml) {
        return refuse(new DirectoryLoader(CLOCK, new AlwaysValidCertificates()), write(dir, yaml));
    }

    static DirectoryException refuse(DirectoryLoader loader, Path file) {
        return assertThrows(DirectoryException.class, () -> loader.load(file));
    }

    /** Asserts a problem at exactly this entry and field whose reason contains {@code reasonPart}. */
    static DirectoryProblem assertProblem(DirectoryException e, String entry, String field, String reasonPart) {
        Optional<DirectoryProblem> match = e.problems().stream()
                .filter(p -> java.util.Objects.equals(p.entry(), entry) && java.util.Objects.equals(p.field(), field))
                .filter(p -> p.reason().contains(reasonPart))
                .findFirst();
        if (match.isEmpty()) {
            fail("expected a problem at " + entry + "." + field + " containing [" + reasonPart + "]; got:\n" + e.getMessage());
        }
        String line = match.get().describe();
        assertTrue(e.getMessage().contains(line), () -> "message should list [" + line + "]:\n" + e.getMessage());
        return match.get();
    }

    /** Certificates that need no files: every path reads as a valid, non-expiring certificate. */
    static final class AlwaysValidCertificates implements CertificateReader {
        @Override
        public RecipientCertificate read(Path file) throws UnreadableCertificateException {
            String fingerprint = String.format("%040X", Math.abs((long) file.getFileName().toString().hashCode()));
            return new RecipientCertificate() {
                @Override
                public String fingerprint() {
                    return fingerprint;
                }

                @Override
                public Optional<Instant> expiresAt() {
                    return Optional.empty();
                }

                @Override
                public boolean usableForEncryptionAt(Instant at) {
                    return true;
                }

                @Override
                public boolean isSample() {
                    return true;
                }
            };
        }
    }
}
