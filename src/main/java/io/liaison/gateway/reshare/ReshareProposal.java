package io.liaison.gateway.reshare;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.marking.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A proposed re-share as stored. The source (incident report, thread and number) is for NISC's eyes only:
 * it is never written into the notice.
 *
 * @param warnings what the approver should weigh (a small sector, an exercise report)
 * @param proposedBy who proposed it (a person id, else the point of contact), so the approver can be
 *                   someone else (four eyes); empty for proposals stored before it was recorded
 * @param rejection  the approver's "no" and its reason, when REJECTED
 */
public record ReshareProposal(
        long id,
        long incidentReportId,
        String incidentKey,
        int reportNumber,
        Grounds grounds,
        NoticeKind kind,
        Tlp level,
        boolean exercise,
        List<String> sectors,
        boolean includeDependents,
        String title,
        String summary,
        String body,
        List<String> warnings,
        List<Redaction> redactions,
        State state,
        Instant proposedAt,
        Optional<String> approvedBy,
        Optional<Instant> approvedAt,
        Optional<String> noticeReference,
        Optional<String> proposedBy,
        Optional<Rejection> rejection) {

    public ReshareProposal {
        sectors = List.copyOf(sectors);
        warnings = List.copyOf(warnings);
        redactions = List.copyOf(redactions);
    }

    /**
     * PROPOSED until a NISC point of contact decides; APPROVED while it is being sent; SENT with its reference;
     * REJECTED with the approver's reason. SENT and REJECTED are final.
     */
    public enum State { PROPOSED, APPROVED, SENT, REJECTED }

    /** The same proposal with its removals (the store reads them separately). */
    public ReshareProposal withRedactions(List<Redaction> removals) {
        return new ReshareProposal(id, incidentReportId, incidentKey, reportNumber, grounds, kind, level, exercise, sectors,
                includeDependents, title, summary, body, warnings, removals, state, proposedAt, approvedBy, approvedAt,
                noticeReference, proposedBy, rejection);
    }

    /** "RS-0007": how people name a proposal. */
    public String label() {
        return label(id);
    }

    public static String label(long id) {
        return String.format("RS-%04d", id);
    }

    /** Accepts RS-0007, RS-7 or 7. */
    public static Optional<Long> parseLabel(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("RS-")) {
            t = t.substring(3);
        }
        try {
            long id = Long.parseLong(t);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
