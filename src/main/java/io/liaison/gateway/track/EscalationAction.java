package io.liaison.gateway.track;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What one escalation step does when a recipient organisation has not confirmed in time. */
public enum EscalationAction {
    /** The notice again, on every channel, to the contacts that had it, marked as a reminder. */
    RESEND,
    /** The notice to the organisation's standby contacts (directory {@code standby: true}). */
    STANDBY,
    /** The gateway's duty officer is told, by every channel, which recipient has not confirmed. */
    DUTY_OFFICER;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<EscalationAction> parse(String text) {
        return Arrays.stream(values()).filter(a -> a.label().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
