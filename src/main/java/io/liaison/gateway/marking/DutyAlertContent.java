package io.liaison.gateway.marking;

import io.liaison.gateway.store.StoredNotice;

/**
 * What the duty officer's unconfirmed-recipient alert may say of its notice: the reference, the level,
 * the kind and whether it is an exercise — never its title, summary or body. The officer is NISC's, and
 * NISC holds no handling agreement for notices a ministry, CEPTOAR or the council originated (TLP:AMBER+STRICT
 * among them); nor is the officer a named recipient of a TLP:RED notice NISC sent. Rather than judge each
 * originator and level, the alert never carries content at all: what it is for — who has not confirmed
 * which notice — needs none, and whoever may read the notice reads it with {@code status REF}.
 */
public final class DutyAlertContent {
    static final String TITLE = "未確認の受信者があります / A recipient has not confirmed";
    static final String SUMMARY = "未確認 / unconfirmed";
    static final String BODY = """
            この通知の件名と本文は当直者あての通知には含めません。
            The notice's title and text are not carried in the duty officer's alert.""";

    private DutyAlertContent() {
    }

    /** The notice with its title, summary and body replaced by a fixed text that names none of them. */
    public static StoredNotice of(StoredNotice n) {
        return new StoredNotice(n.reference(), n.kind(), n.priority(), n.level(), n.exercise(), n.originatorOrg(), n.senderPoc(),
                TITLE, SUMMARY, BODY, n.targetSectors(), n.targetOrganisations(), n.createdAt(), n.followUp());
    }
}
