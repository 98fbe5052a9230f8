package io.liaison.gateway.track.ack;

import io.liaison.gateway.track.Confirmation;
import io.liaison.gateway.track.ConfirmationChannel;
import io.liaison.gateway.track.ConfirmationVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Storage for confirmation codes and every confirmation attempt. */
public interface ConfirmationStore {

    /**
     * The code issued to {@code pocId} for {@code reference}; on first call a code is drawn from {@code fresh}
     * (again on a clash with any code ever issued) and stored.
     */
    String codeFor(String reference, String organisationId, String pocId, Supplier<String> fresh, Instant now);

    /**
     * Issues, in one transaction, a code to every recipient contact of {@code reference} that has none
     * yet (duty-officer alerts excepted), and returns every code of the notice by contact. A fan-out
     * to thousands then costs one commit, not one per recipient.
     */
    java.util.Map<String, String> issueCodes(String reference, Supplier<String> fresh, Instant now);

    Optional<IssuedCode> findCode(String code);

    /**
     * Records an accepted confirmation in one transaction: CONFIRMED when it is the organisation's first
     * (which also closes its escalation watch), ALSO_CONFIRMED otherwise. With a code, the code is used up
     * first; a code already used gives a stored CODE_ALREADY_USED instead and nothing else.
     */
    Confirmation recordAccepted(Attempt attempt, Optional<String> code);

    Confirmation recordRejected(Attempt attempt, ConfirmationVerdict verdict);

    /** The confirmation that counts for (notice, organisation), if any. */
    Optional<Confirmation> firstConfirmation(String reference, String organisationId);

    /** Every attempt that named this notice, oldest first. */
    List<Confirmation> confirmations(String reference);

    /** Every attempt received at or after {@code since}, including those that named no notice; oldest first. */
    List<Confirmation> attemptsSince(Instant since);

    /** A code as issued. */
    record IssuedCode(String code, String reference, String organisationId, String pocId, Instant issuedAt,
                      Optional<Instant> usedAt) {
    }

    /** A confirmation attempt before it is judged and stored. */
    record Attempt(Optional<String> reference, Optional<String> organisationId, Optional<String> pocId,
                   ConfirmationChannel channel, Optional<String> sender, Optional<String> detail, Optional<String> note,
                   Instant at) {
    }
}
