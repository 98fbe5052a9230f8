package io.liaison.gateway.track;

import java.util.Locale;

/** How a confirmation reached the gateway. */
public enum ConfirmationChannel {
    /** An SMS reply carrying the recipient's code, from the number registered for them. */
    SMS_REPLY,
    /** A signed e-mail whose signature verified against the recipient's registered key. */
    SIGNED_EMAIL,
    /** Recorded by an operator with {@code ack REF --as POC}, e.g. after a phone call. */
    CLI;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
