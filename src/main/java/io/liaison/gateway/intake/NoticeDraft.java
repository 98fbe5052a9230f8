package io.liaison.gateway.intake;

import io.liaison.gateway.marking.Tlp;

/**
 * A validated notice not yet numbered or stored.
 *
 * @param senderPoc the point of contact on whose behalf it is sent
 * @param summary one short line for the SMS; never carries more than the level allows
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
        Target target) {
}
