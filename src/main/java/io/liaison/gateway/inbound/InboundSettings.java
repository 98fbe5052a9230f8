package io.liaison.gateway.inbound;

import java.time.Duration;

/**
 * Limits the intake applies (gateway.inbound.* settings).
 *
 * @param maxMessageBytes the whole raw message; larger ones are stored cut to this size and quarantined
 * @param maxPartBytes    any single MIME part, outer or decrypted
 * @param maxAge          how far in the past a Date header or signature time may lie
 * @param maxFutureSkew   how far in the future (clocks drift)
 * @param limits          bounds on every decoding step
 */
public record InboundSettings(int maxMessageBytes, int maxPartBytes, Duration maxAge, Duration maxFutureSkew, InboundLimits limits) {
    /** Base64 of the raw message must fit the 10,000,000-character column PostgreSQL and H2 both hold. */
    public static final int STORABLE_BYTES = 7_000_000;

    public InboundSettings {
        if (maxMessageBytes <= 0 || maxMessageBytes > STORABLE_BYTES) {
            throw new IllegalArgumentException("gateway.inbound.max-message-bytes must be between 1 and " + STORABLE_BYTES);
        }
        if (maxPartBytes <= 0 || maxPartBytes > maxMessageBytes) {
            throw new IllegalArgumentException("gateway.inbound.max-part-bytes must be between 1 and max-message-bytes");
        }
        if (maxAge.isNegative() || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("gateway.inbound.max-age and max-future-skew must not be negative");
        }
        java.util.Objects.requireNonNull(limits, "limits");
    }

    /** With the default decoding limits. */
    public InboundSettings(int maxMessageBytes, int maxPartBytes, Duration maxAge, Duration maxFutureSkew) {
        this(maxMessageBytes, maxPartBytes, maxAge, maxFutureSkew, InboundLimits.defaults());
    }

    public static InboundSettings defaults() {
        return new InboundSettings(5 * 1024 * 1024, 1024 * 1024, Duration.ofHours(48), Duration.ofMinutes(15));
    }

    public InboundSettings withLimits(InboundLimits newLimits) {
        return new InboundSettings(maxMessageBytes, maxPartBytes, maxAge, maxFutureSkew, newLimits);
    }
}
