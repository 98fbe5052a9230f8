package io.liaison.gateway.track;

import java.time.Instant;
import java.util.Optional;

/**
 * The answer to a confirmation attempt, for the caller to pass on (CLI output, SMS answer, inbound log).
 *
 * @param reference      the notice concerned, when the attempt could be tied to one
 * @param organisationId the confirming organisation, when known
 * @param confirmedAt    when the organisation first confirmed, if it has
 * @param message        one line for the person who tried, naming no other recipient
 */
public record ConfirmationOutcome(ConfirmationVerdict verdict, Optional<String> reference, Optional<String> organisationId,
                                  Optional<Instant> confirmedAt, String message) {

    public boolean accepted() {
        return verdict.accepted();
    }
}
