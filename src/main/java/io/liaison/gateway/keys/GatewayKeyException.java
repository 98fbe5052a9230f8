package io.liaison.gateway.keys;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The gateway's own secret key (or the passphrase that unlocks it) could not be loaded. The message
 * names the file or environment variable involved and why, and is built only from those: never from
 * passphrases, key bytes or parser messages that might echo them.
 */
public final class GatewayKeyException extends Exception {
    private final Path file;

    public GatewayKeyException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public GatewayKeyException(String reason) {
        super(reason);
        this.file = null;
    }

    /** The key or passphrase file concerned, if the problem is about a file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
