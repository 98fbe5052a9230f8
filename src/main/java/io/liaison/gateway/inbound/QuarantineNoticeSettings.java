package io.liaison.gateway.inbound;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How often the gateway may tell a claimed sender that its message was quarantined
 * ({@code gateway.inbound.quarantine-notice.*}). Every spoofed mail would otherwise make the gateway send
 * an SMS and an e-mail to a real point of contact: an attacker could flood a duty phone through NISC.
 *
 * @param perSender      notices to one claimed point of contact within {@code window}; 0 turns notices off
 * @param overall        notices to anyone within {@code window}
 * @param window         the sliding window both limits count over
 * @param ownAddresses   the gateway's own addresses (lower case): mail from them is never answered, so two
 *                       gateways, or the gateway and its own bounce, cannot talk to each other in a loop
 */
public record QuarantineNoticeSettings(int perSender, int overall, Duration window, List<String> ownAddresses) {
    public static final int DEFAULT_PER_SENDER = 1;
    public static final int DEFAULT_OVERALL = 20;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    public QuarantineNoticeSettings {
        if (perSender < 0 || overall < 0) {
            throw new IllegalArgumentException("gateway.inbound.quarantine-notice.per-sender and .overall must not be negative");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("gateway.inbound.quarantine-notice.window must be positive");
        }
        ownAddresses = ownAddresses.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** The safe defaults: one notice per claimed sender per hour, twenty an hour overall. */
    public static QuarantineNoticeSettings defaults(List<String> ownAddresses) {
        return new QuarantineNoticeSettings(DEFAULT_PER_SENDER, DEFAULT_OVERALL, DEFAULT_WINDOW, ownAddresses);
    }
}
