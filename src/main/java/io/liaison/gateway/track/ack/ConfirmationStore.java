package io.liaison.gateway.track.ack;

import io.liaison.gateway.track.Confirmation;
import io.liaison.gateway.track.ConfirmationChannel;
import io.liaison.gateway.track.ConfirmationVerdict;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Storage for confirmation codes and every confirmation attempt. */
public interface ConfirmationStore {

    /**
     * The recipient contacts of {@code reference} (duty-officer alerts excepted) that have no code yet,
     * in the order their deliveries were planned.
     */
    List<CodeHolder> awaitingCodes(String reference);

    /** Every code already issued for {@code reference}, by point of contact. */
    Map<String, String> issuedCodes(String reference);

    /**
     * Issues, in one transaction, a code to each of {@code holders} that has none yet for {@code reference},
     * and returns the code of every one of them by contact. Codes drawn from {@code fresh} that any earlier
     * notice holds are drawn again, one by one; a fan-out to thousands costs a commit per call, not per
     * recipient.
     */
    Map<String, String> issueCodes(String reference, Collection<CodeHolder> holders, Supplier<String> fresh, Instant now);

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

    /** A contact of a notice's recipient organisation, to whom a code is issued. */
    record CodeHolder(String organisationId, String pocId) {
    }

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
