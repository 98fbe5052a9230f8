package io.liaison.gateway.keys;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code keys check} found about one of the gateway's own keys.
 *
 * @param setting     the setting that names the key ({@code gateway.key.file}, {@code gateway.smime.next.key.file} …)
 * @param file        the file it names, as configured
 * @param fingerprint the key's fingerprint, when it could be read
 * @param verdict     usable, expiring within the window (a warning), or unusable
 * @param detail      what exactly, naming no secret
 */
public record OwnKeyFinding(String setting, String file, Optional<String> fingerprint, Verdict verdict, String detail) {

    public enum Verdict { USABLE, EXPIRING, UNUSABLE }

    public OwnKeyFinding {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
    }

    /** "gateway.key.file (path): FPR: detail", as keys check prints it after its verdict column. */
    public String describe() {
        return setting + " (" + file + "): " + fingerprint.map(f -> f + ": ").orElse("") + detail;
    }
}
