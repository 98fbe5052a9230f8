package io.liaison.gateway.dispatch.sms;

import java.time.Instant;
import java.util.List;

/**
 * Remembers which SMSC message ids a delivery went out as, so that a delivery receipt (which names one
 * part) finds its delivery. Written as soon as the SMSC accepted, before the delivery is marked sent.
 */
public interface SmsPartLog {

    /** Logs nothing; for senders that do not track receipts. */
    SmsPartLog NONE = (deliveryId, messageIds, at) -> { };

    void submitted(long deliveryId, List<String> messageIds, Instant at);
}
