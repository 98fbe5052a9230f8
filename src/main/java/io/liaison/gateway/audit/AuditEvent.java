package io.liaison.gateway.audit;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What happened, before the trail gives it a place: who, what, which notice, and the details worth
 * keeping (reason codes, channel, recipient). The log adds the sequence, the time and the hashes.
 * Details never hold secrets: no passwords, passphrases, tokens or confirmation codes.
 */
public record AuditEvent(ActorRef who, AuditAction action, Optional<String> reference, Map<String, String> details) {
    public AuditEvent {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reference, "reference");
        TreeMap<String, String> sorted = new TreeMap<>();
        details.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "detail name"),
                Objects.requireNonNull(v, () -> "detail " + k + " of " + action + " has no value")));
        details = Collections.unmodifiableMap(sorted);
    }

    /** An event about notice {@code reference} (may be null: the event concerns no notice). */
    public static AuditEvent of(ActorRef who, AuditAction action, String reference, Map<String, String> details) {
        return new AuditEvent(who, action, Optional.ofNullable(reference), details);
    }
}
