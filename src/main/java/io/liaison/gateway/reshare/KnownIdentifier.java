package io.liaison.gateway.reshare;

import java.util.Objects;

/**
 * A piece of text known to identify the reporter (or another named operator), found by what the directory
 * and the report say rather than by its shape.
 *
 * @param japanese what replaces it in a field written in Japanese
 * @param english  what replaces it in a field written in English
 */
public record KnownIdentifier(String text, IdentifierKind kind, String japanese, String english) {
    public KnownIdentifier {
        Objects.requireNonNull(text, "text");
        text = text.strip();
    }

    /** With the kind's own placeholder. */
    public static KnownIdentifier of(String text, IdentifierKind kind) {
        return new KnownIdentifier(text, kind, kind.placeholder(true), kind.placeholder(false));
    }

    public String replacement(boolean japaneseText) {
        return japaneseText ? japanese : english;
    }
}
