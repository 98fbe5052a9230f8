package io.liaison.gateway.application;

import io.liaison.gateway.inbound.InboundIntake;
import io.liaison.gateway.inbound.VerifiedSender;
import io.liaison.gateway.inbound.format.FormatException;

/**
 * The inbound intake's "act" stage as the application layer reaches it: a report filed through a door
 * is read, numbered, relayed and stored exactly as a verified e-mail report is. The wiring hands
 * {@code InboundIntake::fileReport}.
 */
@FunctionalInterface
public interface IncidentFiling {
    /** @param source the door, kept as the inbound record's source ({@code console}, {@code api}) */
    InboundIntake.FiledReport file(VerifiedSender filer, String document, String source) throws FormatException;

    /** For a gateway without an intake: every filing is refused, nothing stored. */
    static IncidentFiling none() {
        return (filer, document, source) -> {
            throw new IllegalStateException("this gateway takes no incident reports");
        };
    }
}
