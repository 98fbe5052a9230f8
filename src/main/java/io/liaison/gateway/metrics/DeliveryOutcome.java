package io.liaison.gateway.metrics;

import java.util.Locale;

/** What became of one delivery attempt, as {@code liaison_deliveries_total} counts it in its {@code state} label. */
public enum DeliveryOutcome {
    /** The channel's server accepted it. */
    SENT,
    /** The SMSC's receipt says it reached the handset. */
    DELIVERED,
    /** A temporary failure: it waits for its next attempt. */
    RETRY,
    /** Given up: a permanent refusal, retries exhausted, refused by the gateway or by the SMSC's receipt. */
    FAILED;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The label value, computed once so recording builds no string. */
    public String label() {
        return label;
    }
}
