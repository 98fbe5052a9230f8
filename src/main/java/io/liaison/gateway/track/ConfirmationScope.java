package io.liaison.gateway.track;

import io.liaison.gateway.intake.FollowUp;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.store.StoredNotice;

/** Which notices ask their recipients to confirm (and are escalated when nobody does). */
public final class ConfirmationScope {
    private ConfirmationScope() {
    }

    /** The seeds' outbound flows; traffic the gateway writes itself (relays, quarantine notices) asks nothing back. */
    public static boolean askedFor(NoticeKind kind) {
        return kind == NoticeKind.EARLY_WARNING || kind == NoticeKind.PROVISION;
    }

    /** As for its kind, except a cancellation: nobody is chased to confirm that a warning no longer holds. */
    public static boolean askedFor(StoredNotice notice) {
        return askedFor(notice.kind()) && notice.followUp().map(f -> f.type() != FollowUp.Type.CANCEL).orElse(true);
    }
}
