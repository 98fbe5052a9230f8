package io.liaison.gateway.keys;

import java.util.Objects;

/**
 * One thing the key policy found wrong with a certificate.
 *
 * @param defect the kind of problem, for code that reacts to it
 * @param detail what exactly, for the person who has to chase a renewed key (e.g. "RSA key of 1024 bits")
 */
public record KeyFinding(KeyDefect defect, String detail) {

    public KeyFinding {
        Objects.requireNonNull(defect, "defect");
        Objects.requireNonNull(detail, "detail");
    }

    public static KeyFinding of(KeyDefect defect, String detail) {
        return new KeyFinding(defect, detail);
    }

    @Override
    public String toString() {
        return defect + ": " + detail;
    }
}
