package io.liaison.gateway.track;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored confirmation attempt, accepted or rejected.
 *
 * @param sender the replying number or signer as received; kept for audit, never printed or logged
 * @param detail why it was rejected, or what it was (e.g. the code's point of contact)
 * @param note   free text the confirmer added
 */
public record Confirmation(long id, Optional<String> reference, Optional<String> organisationId, Optional<String> pocId,
                           ConfirmationChannel channel, Optional<String> sender, ConfirmationVerdict verdict,
                           Optional<String> detail, Optional<String> note, Instant at) {
}
