package io.liaison.gateway.compose;

import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.StoredNotice;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The handling marking a message carries, bound inside its signature: an OpenPGP signature notation
 * ({@code tlp@liaison-gateway}) or an S/MIME ESS security label. A recipient compares it with the
 * Subject and header fields, which anyone on the path can change; the signed copy they cannot.
 *
 * @param level     the TLP level
 * @param reference the gateway's reference number, e.g. {@code NISC-2025-0001}
 * @param exercise  true for exercise traffic, which must never be mistaken for a real alert
 */
public record HandlingMark(Tlp level, String reference, boolean exercise) {
    /** Reference numbers as the gateway issues them; anything else is not a reference (and never header-injection material). */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    public HandlingMark {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reference, "reference");
        if (!REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("not a reference number: letters, digits and . _ / - only, at most 64");
        }
    }

    /** Real traffic. */
    public static HandlingMark of(Tlp level, String reference) {
        return new HandlingMark(level, reference, false);
    }

    /** Exercise traffic (演習). */
    public static HandlingMark exercise(Tlp level, String reference) {
        return new HandlingMark(level, reference, true);
    }

    /** The marking of a stored notice. */
    public static HandlingMark of(StoredNotice notice) {
        return new HandlingMark(notice.level(), notice.reference(), notice.exercise());
    }

    @Override
    public String toString() {
        return level.label() + " " + reference + (exercise ? " (exercise)" : "");
    }
}
