package io.liaison.gateway.policy;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;

/** The policy stage as the routes call it: plans a send, or a forward using what the ledger knows. */
public final class PolicyDesk {
    private final Directory directory;
    private final RecipientPolicy policy;
    private final NoticeStore store;

    public PolicyDesk(Directory directory, RecipientPolicy policy, NoticeStore store) {
        this.directory = directory;
        this.policy = policy;
        this.store = store;
    }

    public PlannedNotice planSend(NoticeDraft draft) {
        String originator = directory.pointOfContact(draft.senderPoc()).orElseThrow().organisationId();
        return new PlannedNotice(draft, originator, policy.planSend(draft));
    }

    public PlannedForward planForward(ForwardCommand command) {
        StoredNotice notice = store.notice(command.reference())
                .orElseThrow(() -> new ForwardRefusedException("no notice with reference " + command.reference()));
        PointOfContact poc = directory.pointOfContact(command.actingPoc())
                .orElseThrow(() -> new ForwardRefusedException("no point of contact \"" + command.actingPoc() + "\" in the directory"));
        if (command.to().isEmpty() && !command.toMembers()) {
            throw new ForwardRefusedException("forward of " + command.reference() + " names no recipient; give --to ORG or --to-members");
        }
        String org = poc.organisationId();
        ForwardRequest request = new ForwardRequest(notice.reference(), notice.level(),
                notice.kind() == NoticeKind.EARLY_WARNING, poc.id(), command.to(), command.toMembers(),
                store.providersOf(notice.reference(), org), store.reachedOrganisations(notice.reference()));
        return new PlannedForward(notice.reference(), org, poc.id(), policy.planForward(request));
    }
}
