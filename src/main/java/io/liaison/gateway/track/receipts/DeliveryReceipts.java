package io.liaison.gateway.track.receipts;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.metrics.DeliveryOutcome;
import io.liaison.gateway.metrics.GatewayMetrics;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.track.receipts.ReceiptStore.SentSms;
import io.liaison.gateway.track.receipts.ReceiptStore.StoredReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves SMS deliveries to delivered or failed as the SMSC's receipts come in. A receipt is stored first
 * and matched second: it often arrives before the delivery is marked sent, and is then matched on a
 * later pass ({@link #applyPending()}) rather than lost.
 */
public final class DeliveryReceipts {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReceipts.class);
    /** SMSCs keep trying a handset for up to a few days; a receipt older than this matches nothing we sent. */
    private static final Duration MATCH_WINDOW = Duration.ofDays(3);
    private static final Duration RACE_MARGIN = Duration.ofMinutes(10);

    private final ReceiptStore store;
    private final Clock clock;
    private final GatewayMetrics metrics;

    public DeliveryReceipts(ReceiptStore store, Clock clock) {
        this(store, clock, GatewayMetrics.none());
    }

    /** @param metrics counts each SMS the receipts move to delivered or failed */
    public DeliveryReceipts(ReceiptStore store, Clock clock, GatewayMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Called from the SMPP session when a receipt arrives. */
    public void onReceipt(String messageId, String status, String errorCode) {
        if (messageId == null || messageId.isBlank()) {
            LOG.warn("SMS receipt without a message id ignored ({})", status);
            return;
        }
        store.record(messageId.strip(), status == null ? "UNKNOWN" : status, errorCode, clock.instant());
        apply(messageId.strip());
    }

    /** Matches receipts that came before their delivery was marked sent. @return deliveries moved */
    public synchronized int applyPending() {
        Instant now = clock.instant();
        int moved = 0;
        for (String messageId : store.unmatched(now.minus(MATCH_WINDOW)).stream().map(StoredReceipt::messageId).distinct().toList()) {
            moved += apply(messageId) ? 1 : 0;
        }
        return moved;
    }

    private synchronized boolean apply(String messageId) {
        Optional<SentSms> sent = store.sentAs(messageId);
        if (sent.isEmpty() || sent.get().state() == DeliveryState.PENDING || sent.get().state() == DeliveryState.SENDING) {
            return false; // not marked sent yet: the next pass matches it
        }
        SentSms sms = sent.get();
        // A receipt may be stored a moment before the ids it names: look a little before the submission.
        List<StoredReceipt> receipts = store.receiptsFor(sms.messageIds(), sms.submittedAt().minus(RACE_MARGIN));
        ReceiptVerdict verdict = ReceiptVerdict.of(sms.messageIds(), receipts);
        boolean moved = store.settle(sms.deliveryId(), receipts.stream().map(StoredReceipt::id).toList(), verdict.state(),
                verdict.reason(), clock.instant());
        // Delivered is the normal case and comes for every SMS; a failure is what an operator must see.
        if (moved && verdict.state().orElseThrow() == DeliveryState.FAILED) {
            metrics.delivery(ChannelKind.SMS, DeliveryOutcome.FAILED);
            LOG.atWarn().addKeyValue("reference", sms.reference()).addKeyValue("channel", "SMS")
                    .addKeyValue("delivery", sms.deliveryId()).addKeyValue("state", "failed")
                    .log("{} SMS delivery {} failed by the SMSC's receipt: {}", sms.reference(), sms.deliveryId(),
                            verdict.reason().orElse(""));
        } else if (moved) {
            metrics.delivery(ChannelKind.SMS, DeliveryOutcome.DELIVERED);
            LOG.atInfo().addKeyValue("reference", sms.reference()).addKeyValue("channel", "SMS")
                    .addKeyValue("delivery", sms.deliveryId()).addKeyValue("state", "delivered")
                    .log("{} SMS delivery {} delivered by the SMSC's receipt", sms.reference(), sms.deliveryId());
        }
        return moved;
    }
}
