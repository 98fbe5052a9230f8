package io.liaison.gateway.audit;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail's port (docs/seams.md §3). Appending never fails silently: an entry that cannot be
 * written is an {@link AuditException}, and the caller's state change should fail with it (fail closed).
 *
 * <p>Where the state change is in the store, append with the store's own {@link Connection} inside its
 * transaction, so no state change exists without its entry. The chain head is a locked row
 * ({@code audit_head}), so the transaction holding it should end soon after the append: never append
 * and then wait on the network in the same transaction.
 */
public interface AuditLog {
    /** Appends one entry in a transaction of its own. {@code reference} may be null. */
    default AuditEntry record(ActorRef who, AuditAction action, String reference, Map<String, String> details) {
        return append(List.of(AuditEvent.of(who, action, reference, details))).get(0);
    }

    /** Appends one entry inside the caller's ongoing transaction; the caller commits or rolls back. */
    default AuditEntry record(Connection transaction, ActorRef who, AuditAction action, String reference,
                              Map<String, String> details) {
        return append(transaction, List.of(AuditEvent.of(who, action, reference, details))).get(0);
    }

    /** Appends events in order, in one transaction of its own (one head lock, one commit for all). */
    List<AuditEntry> append(List<AuditEvent> events);

    /** Appends events in order inside the caller's ongoing transaction. */
    List<AuditEntry> append(Connection transaction, List<AuditEvent> events);

    /** Entries with {@code from <= at < to}, in sequence order; either bound may be empty. */
    List<AuditEntry> read(Optional<Instant> from, Optional<Instant> to);

    /** Every entry naming notice {@code reference}, in sequence order (the notice's trail). */
    List<AuditEntry> trail(String reference);

    /** The last entry, if any. */
    Optional<AuditEntry> head();

    /** Stores a signed checkpoint. */
    void saveCheckpoint(AuditCheckpoint checkpoint);

    /** Every checkpoint, in sequence order. */
    List<AuditCheckpoint> checkpoints();

    /** The checkpoint of the highest sequence, whichever gateway signed it. */
    default Optional<AuditCheckpoint> lastCheckpoint() {
        List<AuditCheckpoint> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
