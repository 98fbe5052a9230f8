package io.liaison.gateway.application;

import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.intake.NoticeIntake;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.policy.PlannedNotice;
import io.liaison.gateway.store.StoredNotice;

/**
 * Plans a notice exactly as sending would — the same intake, the same policy and agreement gate —
 * and shows the result without numbering, storing or sending anything.
 */
public final class PreviewNotice {
    private final ApplicationParts parts;
    private final Guard guard;

    PreviewNotice(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public NoticePreview preview(Actor actor, NoticeFile file) {
        guard.require(actor, Action.PREVIEW_NOTICE, file.source());
        NoticeDraft draft = new NoticeIntake(parts.directory().get()).read(file);
        SendNotice.requireOwnSender(guard, actor, Action.PREVIEW_NOTICE, file, draft);
        PlannedNotice planned = parts.policy().planSend(draft);
        StoredNotice shown = new StoredNotice(NoticePreview.REFERENCE_PLACEHOLDER, draft.kind(), draft.priority(), draft.level(),
                draft.exercise(), planned.originatorOrg(), draft.senderPoc(), draft.title(), draft.summary(), draft.body(),
                draft.target().sectors(), draft.target().organisations(), parts.clock().instant(), draft.followUp());
        NoticeMarking marking = new NoticeMarking(parts.zone());
        return new NoticePreview(draft.title(), draft.kind().yamlName(), draft.level().label(), draft.exercise(), draft.senderPoc(),
                planned.plan().deliveries().stream().map(d -> new NoticePreview.Recipient(d.organisationId(), d.pocId(),
                        d.channel().yamlName(), d.address(), d.role().name().toLowerCase(java.util.Locale.ROOT))).toList(),
                planned.plan().refusals().stream().map(r -> new NoticePreview.Refused(r.organisationId(), r.pocId(),
                        r.channel().map(c -> c.yamlName()), r.reason())).toList(),
                new NoticePreview.Markings(marking.subject(shown), marking.banner(shown), marking.sms(shown)));
    }
}
