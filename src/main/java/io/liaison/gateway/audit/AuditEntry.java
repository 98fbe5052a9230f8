package io.liaison.gateway.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One entry of the trail, in its place: {@code hash = SHA-256(previousHash || canonical JSON of the
 * entry without hash)} (see {@link AuditChain}). {@code action} is the dotted verb as stored, kept a
 * string so that an export holding a verb this version does not know still verifies.
 */
public record AuditEntry(long sequence, Instant at, ActorRef who, String action, Optional<String> reference,
                         Map<String, String> details, String previousHash, String hash) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        details = Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** The action as the enum this version knows, when it knows it. */
    public Optional<AuditAction> knownAction() {
        return AuditAction.ofVerb(action);
    }
}
