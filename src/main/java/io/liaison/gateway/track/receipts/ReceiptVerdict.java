package io.liaison.gateway.track.receipts;

import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.track.receipts.ReceiptStore.StoredReceipt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a concatenated message's receipts say: one part delivered means the handset has the message (it
 * shows what arrived), so any DELIVRD counts; it failed only when every part has a final failure receipt.
 * Intermediate states (ACCEPTD, ENROUTE, UNKNOWN) change nothing.
 */
public record ReceiptVerdict(Optional<DeliveryState> state, Optional<String> reason) {
    private static final Set<String> FINAL_FAILURES = Set.of("UNDELIV", "REJECTD", "EXPIRED", "DELETED");

    public static ReceiptVerdict of(List<String> partIds, List<StoredReceipt> receipts) {
        if (receipts.stream().anyMatch(r -> r.status().equals("DELIVRD"))) {
            return new ReceiptVerdict(Optional.of(DeliveryState.DELIVERED), Optional.empty());
        }
        Set<String> failedParts = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (StoredReceipt r : receipts) {
            if (FINAL_FAILURES.contains(r.status())) {
                failedParts.add(r.messageId());
                reasons.add(r.status() + " (error " + (r.errorCode() == null || r.errorCode().isBlank() ? "none" : r.errorCode()) + ")");
            }
        }
        if (!partIds.isEmpty() && failedParts.containsAll(partIds)) {
            return new ReceiptVerdict(Optional.of(DeliveryState.FAILED),
                    Optional.of("SMSC receipt: not delivered: " + String.join(", ", reasons)));
        }
        return new ReceiptVerdict(Optional.empty(), Optional.empty());
    }
}
