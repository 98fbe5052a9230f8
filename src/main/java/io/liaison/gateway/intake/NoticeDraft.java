package io.liaison.gateway.intake;

import io.liaison.gateway.marking.Tlp;
import java.util.Optional;

/**
 * A validated notice not yet numbered or stored.
 *
 * @param senderPoc the point of contact on whose behalf it is sent
 * @param summary one short line for the SMS; never carries more than the level allows
 * @param followUp present for an update or cancellation; its kind, priority and recipients come from the original
 */
public record NoticeDraft(
        NoticeKind kind,
        Priority priority,
        Tlp level,
        boolean exercise,
        String senderPoc,
        String title,
        String summary,
        String body,
        Target target,
        Optional<FollowUp> followUp) {

    /** A new notice (not an update or cancellation). */
    public NoticeDraft(NoticeKind kind, Priority priority, Tlp level, boolean exercise, String senderPoc, String title,
                       String summary, String body, Target target) {
        this(kind, priority, level, exercise, senderPoc, title, summary, body, target, Optional.empty());
    }
}
