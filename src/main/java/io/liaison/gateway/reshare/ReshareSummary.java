package io.liaison.gateway.reshare;

import io.liaison.gateway.marking.Tlp;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the list of proposals, NISC only (it names the source report): enough to choose which to open,
 * without the text or the removals themselves.
 *
 * @param decidedBy the approving or rejecting point of contact, once decided
 * @param removals  how many removals the proposal lists
 */
public record ReshareSummary(
        String label,
        String incidentKey,
        int reportNumber,
        Grounds grounds,
        Tlp level,
        boolean exercise,
        ReshareProposal.State state,
        Instant proposedAt,
        Optional<String> proposedBy,
        Optional<String> decidedBy,
        Optional<String> noticeReference,
        String title,
        int removals) {

    public static ReshareSummary of(ReshareProposal p, int removals) {
        Optional<String> decidedBy = p.rejection().map(Rejection::by).or(p::approvedBy);
        return new ReshareSummary(p.label(), p.incidentKey(), p.reportNumber(), p.grounds(), p.level(), p.exercise(), p.state(),
                p.proposedAt(), p.proposedBy(), decidedBy, p.noticeReference(), p.title(), removals);
    }
}
