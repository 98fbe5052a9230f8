package io.liaison.gateway.reshare;

import java.time.Instant;
import java.util.Objects;

/**
 * A NISC approver's "no" to a proposal, with the reason the proposer reads. Final: a rejected proposal is
 * neither approved nor rejected again; a corrected re-share is a new proposal.
 *
 * @param by     the rejecting NISC point of contact
 * @param person the person who acted, when known (four eyes compares by person)
 * @param reason why, in the approver's words; 1 to {@link #REASON_MAX} characters, one paragraph or several
 */
public record Rejection(String by, java.util.Optional<String> person, Instant at, String reason) {
    /** Long enough for a paragraph of why, short enough for the trail and a page. */
    public static final int REASON_MAX = 1000;

    public Rejection {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(at, "at");
        reason = checkedReason(reason);
    }

    /** The reason as stored: stripped, not blank, at most {@link #REASON_MAX} characters; else refused, saying which. */
    public static String checkedReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new ReshareRefusedException("a rejection needs a reason (the proposer reads it) / 却下の理由を書いてください");
        }
        if (r.length() > REASON_MAX) {
            throw new ReshareRefusedException("the reason is " + r.length() + " characters; at most " + REASON_MAX
                    + " / 理由は" + REASON_MAX + "文字以内で書いてください");
        }
        return r;
    }
}
