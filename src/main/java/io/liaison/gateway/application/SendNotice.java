package io.liaison.gateway.application;

import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.intake.NoticeIntake;
import io.liaison.gateway.numbering.Registrar;
import java.util.Map;

/**
 * Sends a notice file. The actor must act for the point of contact the notice names as {@code from:}
 * (a person sends as their own desk, never as another's); the domain then refuses a bad file whole and
 * plans, numbers and dispatches it as ever.
 */
public final class SendNotice {
    private final ApplicationParts parts;
    private final Guard guard;

    SendNotice(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public NoticeAccepted send(Actor actor, NoticeFile file) {
        guard.require(actor, Action.SEND_NOTICE, file.source());
        requireOwnSender(guard, actor, Action.SEND_NOTICE, file, read(file));
        Registrar.Registered r = guard.perform(actor, Action.SEND_NOTICE, null, () -> parts.chain().send(file),
                done -> Map.of("reference", done.reference(), "deliveries", String.valueOf(done.deliveries()),
                        "refusals", String.valueOf(done.refusals())));
        return new NoticeAccepted(r.reference(), r.deliveries(), r.refusals());
    }

    /**
     * The point of contact a notice file names as {@code from:}, read as the gateway would read it (a
     * bad file is refused whole here, naming every problem). The local CLI acts as that point of contact.
     */
    public String declaredSender(NoticeFile file) {
        return read(file).senderPoc();
    }

    /** A person sends (or previews) only as the point of contact they act for; the gateway as anyone. */
    static void requireOwnSender(Guard guard, Actor actor, Action action, NoticeFile file, NoticeDraft draft) {
        if (!actor.isGateway() && !draft.senderPoc().equals(actor.pocId())) {
            throw guard.refuse(actor, action, file.source(), ActionRefusedException.Rule.OWN_SENDER, "the notice is from " + draft.senderPoc()
                    + ", and " + actor.pocId() + " sends only as itself");
        }
    }

    private NoticeDraft read(NoticeFile file) {
        return new NoticeIntake(parts.directory().get()).read(file);
    }
}
