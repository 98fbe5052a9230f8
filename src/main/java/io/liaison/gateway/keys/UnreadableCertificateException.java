package io.liaison.gateway.keys;

import java.nio.file.Path;

/** A certificate file that is missing, not a certificate, or damaged. Carries the file, never key bytes. */
public final class UnreadableCertificateException extends Exception {
    private final Path file;

    public UnreadableCertificateException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
