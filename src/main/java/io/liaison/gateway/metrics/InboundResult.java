package io.liaison.gateway.metrics;

import java.util.Locale;

/** What the inbound intake did with one message, as {@code liaison_inbound_total} counts it in its {@code outcome} label. */
public enum InboundResult {
    ACCEPTED,
    QUARANTINED,
    /** The very same bytes had been stored before; nothing was done again. */
    DUPLICATE;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
