package io.liaison.gateway.track.receipts;

import io.liaison.gateway.store.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage for SMS delivery receipts and the message ids they refer to. The ids of each part are stored
 * with the acceptance that marks the delivery sent ({@link io.liaison.gateway.store.NoticeStore#markAllSent}),
 * in the same transaction.
 */
public interface ReceiptStore {

    /** Keeps a receipt as received, unmatched. */
    void record(String messageId, String status, String errorCode, Instant at);

    /** Receipts not yet matched to a delivery, received at or after {@code since}, oldest first. */
    List<StoredReceipt> unmatched(Instant since);

    /** The latest SMS delivery one of whose parts got this message id. */
    Optional<SentSms> sentAs(String messageId);

    /** Receipts for any of these message ids received at or after {@code since}. */
    List<StoredReceipt> receiptsFor(List<String> messageIds, Instant since);

    /**
     * In one transaction: attaches the receipts to the delivery and, when {@code state} is given, moves the
     * delivery there (to DELIVERED from SENT or FAILED; to FAILED from SENT only).
     *
     * @return true when the delivery's state changed
     */
    boolean settle(long deliveryId, List<Long> receiptIds, Optional<DeliveryState> state, Optional<String> reason, Instant now);

    /** A receipt as stored. */
    record StoredReceipt(long id, String messageId, String status, String errorCode, Optional<Long> deliveryId, Instant at) {
    }

    /** An SMS delivery as the receipts see it: its state and the ids of its parts, in order. */
    record SentSms(long deliveryId, String reference, DeliveryState state, List<String> messageIds, Instant submittedAt) {
    }
}
