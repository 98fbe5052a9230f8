package io.liaison.gateway.track;

import java.time.Instant;
import java.util.Optional;

/**
 * The port through which every confirmation of a notice is recorded: the SMS reply handler, the
 * {@code ack} command, and the inbound signed-e-mail intake all call it.
 *
 * <p>The first accepted confirmation per (notice, recipient organisation) counts: it is recorded with
 * its channel and time and stops that organisation's escalation. Later ones are kept but change
 * nothing. Rejected attempts are kept too, with the reason, and record nothing else.
 */
public interface Acknowledgements {

    /**
     * Records that a point of contact confirms a notice.
     *
     * @param codeOrReference the confirmation code the recipient quoted (e.g. {@code K7M2QX}), or the notice's
     *                        reference number (e.g. {@code NISC-EW-2026-00001}); a code must be the one issued
     *                        to {@code pocId}
     * @param pocId           who confirms: for a signed e-mail the verified signer, for the CLI the {@code --as} POC
     * @param channel         how the confirmation arrived
     * @param at              when it arrived
     * @param note            free text to keep with it
     */
    ConfirmationOutcome acknowledge(String codeOrReference, String pocId, ConfirmationChannel channel, Instant at,
                                    Optional<String> note);

    default ConfirmationOutcome acknowledge(String codeOrReference, String pocId, ConfirmationChannel channel, Instant at) {
        return acknowledge(codeOrReference, pocId, channel, at, Optional.empty());
    }

    /**
     * In a reply written by a person (a signed plain-text or HTML e-mail, the notice usually quoted below), the
     * first confirmation code issued to {@code pocId} that appears together with its notice's reference.
     * Codes issued to anyone else, and codes whose reference is not in the text, are not found.
     */
    default Optional<QuotedCode> codeQuotedIn(String text, String pocId) {
        return Optional.empty();
    }

    /** A confirmation code found in a reply, with the notice it was issued for. */
    record QuotedCode(String reference, String code) {
    }
}
