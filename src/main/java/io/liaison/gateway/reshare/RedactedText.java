package io.liaison.gateway.reshare;

import java.util.List;

/** A field's text after redaction, with what was taken out of it. */
public record RedactedText(String text, List<Redaction> redactions) {
    public RedactedText {
        redactions = List.copyOf(redactions);
    }
}
