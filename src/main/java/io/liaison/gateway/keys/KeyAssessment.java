package io.liaison.gateway.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The key policy's verdict on one certificate at one instant. Immutable.
 *
 * @param fingerprint the certificate's fingerprint, so every report can name it
 * @param findings    empty when the certificate may be used
 * @param expiresAt   when it stops being usable, if ever, to warn before it does
 */
public record KeyAssessment(String fingerprint, List<KeyFinding> findings, Optional<Instant> expiresAt) {

    public KeyAssessment {
        Objects.requireNonNull(fingerprint, "fingerprint");
        findings = List.copyOf(findings);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static KeyAssessment usable(String fingerprint, Optional<Instant> expiresAt) {
        return new KeyAssessment(fingerprint, List.of(), expiresAt);
    }

    public static KeyAssessment of(String fingerprint, List<KeyFinding> findings, Optional<Instant> expiresAt) {
        return new KeyAssessment(fingerprint, findings, expiresAt);
    }

    public boolean isUsable() {
        return findings.isEmpty();
    }

    /** The first finding, the one a refusal reports; empty when usable. */
    public Optional<KeyFinding> firstFinding() {
        return findings.stream().findFirst();
    }

    /** True when usable now but expiring before {@code now + window}: time to ask the contact for a new key. */
    public boolean expiresWithin(Duration window, Instant now) {
        return isUsable() && expiresAt.isPresent() && expiresAt.get().isBefore(now.plus(window));
    }

    /** "fingerprint: DEFECT: detail; DEFECT: detail", or "fingerprint: usable". */
    public String describe() {
        return fingerprint + ": " + (findings.isEmpty() ? "usable"
                : findings.stream().map(KeyFinding::toString).collect(Collectors.joining("; ")));
    }
}
