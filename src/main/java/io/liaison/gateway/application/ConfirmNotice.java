package io.liaison.gateway.application;

import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.track.ConfirmationChannel;
import io.liaison.gateway.track.ConfirmationOutcome;
import java.util.Map;
import java.util.Optional;

/**
 * Records a recipient's confirmation. A recipient confirms for its own point of contact; NISC's duty
 * officer may record one given another way (a phone call) for a named point of contact. The domain's
 * rules stand: the point of contact must belong to an organisation the notice was sent to, the first
 * confirmation counts.
 */
public final class ConfirmNotice {
    private final ApplicationParts parts;
    private final Guard guard;

    ConfirmNotice(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    /**
     * @param referenceOrCode the notice's reference, or the confirmation code the recipient was given
     * @param forPoc          the point of contact confirming, when NISC records it for them; empty: the actor's own
     */
    public ConfirmationResult confirm(Actor actor, String referenceOrCode, Optional<String> forPoc, Optional<String> note) {
        boolean onBehalf = forPoc.isPresent() && !forPoc.get().equals(actor.pocId());
        // a reference the organisation did not receive is NOT_FOUND; a code is judged by the domain against the POC
        boolean visible = actor.kind() == OrganisationKind.NISC || actor.isGateway()
                || parts.notices().notice(referenceOrCode).isEmpty()
                || parts.notices().noticeVisibleTo(referenceOrCode, actor.organisationId()).isPresent();
        guard.require(actor, Action.CONFIRM_NOTICE, referenceOrCode, visible);
        if (onBehalf && actor.kind() != OrganisationKind.NISC && !actor.isGateway()) {
            throw guard.refuse(actor, Action.CONFIRM_NOTICE, referenceOrCode, ActionRefusedException.Rule.ON_BEHALF_NISC_ONLY,
                    "only NISC records a confirmation for another point of contact (" + forPoc.get() + ")");
        }
        String poc = forPoc.orElse(actor.pocId());
        ConfirmationOutcome outcome = guard.perform(actor, Action.CONFIRM_NOTICE, parts.notices().notice(referenceOrCode)
                        .map(n -> n.reference()).orElse(null),
                () -> parts.acknowledgements().acknowledge(referenceOrCode, poc, ConfirmationChannel.CLI, parts.clock().instant(),
                        note.filter(n -> !n.isBlank())),
                o -> Map.of("for-poc", poc, "verdict", o.verdict().name()));
        return new ConfirmationResult(outcome.accepted(), outcome.reference(), outcome.message());
    }
}
