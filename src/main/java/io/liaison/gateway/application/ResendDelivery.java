package io.liaison.gateway.application;

import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEvent;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.policy.AgreementGate;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.StoredNotice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a failed delivery again (one, or every failed delivery of a notice): it goes back to the queue
 * only if the same gate still lets it through today — the hop's sender still holds an agreement with
 * the recipient that covers the level, the point of contact and that channel are still in the
 * directory, and for e-mail the certificate is still usable. What does not pass stays FAILED with the
 * reason. NISC's duty officer does this from the duty board.
 */
public final class ResendDelivery {
    private final ApplicationParts parts;
    private final Guard guard;

    ResendDelivery(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public ResendOutcome resend(Actor actor, long deliveryId) {
        Optional<Delivery> d = parts.notices().delivery(deliveryId);
        boolean visible = d.isPresent() && (guard.authorisation().seesEveryNotice(actor)
                || parts.notices().noticeVisibleTo(d.get().reference(), actor.organisationId()).isPresent());
        guard.require(actor, Action.RESEND_DELIVERY, "delivery " + deliveryId, visible);
        return guard.perform(actor, Action.RESEND_DELIVERY, d.get().reference(), () -> requeue(actor, List.of(d.get())), ResendDelivery::details);
    }

    public ResendOutcome resendAllFailed(Actor actor, String reference) {
        boolean visible = guard.authorisation().seesEveryNotice(actor) ? parts.notices().notice(reference).isPresent()
                : parts.notices().noticeVisibleTo(reference, actor.organisationId()).isPresent();
        guard.require(actor, Action.RESEND_DELIVERY, reference, visible);
        return guard.perform(actor, Action.RESEND_DELIVERY, reference, () -> requeue(actor, parts.notices().deliveries(reference).stream()
                .filter(x -> x.state() == DeliveryState.FAILED).toList()), ResendDelivery::details);
    }

    /**
     * One {@code delivery.resent} entry per delivery asked for: "requeued" written with the re-queue in one
     * transaction, "not-resent" with the reason when the gate (or its state) kept it back, so the trail shows
     * who asked for each delivery to go again and what the gateway answered.
     */
    private ResendOutcome requeue(Actor actor, List<Delivery> deliveries) {
        Directory directory = parts.directory().get();
        AgreementGate gate = new AgreementGate(directory, parts.clock(), parts.zone());
        Instant now = parts.clock().instant();
        List<Long> requeued = new ArrayList<>();
        List<ResendOutcome.NotResent> refused = new ArrayList<>();
        for (Delivery d : deliveries) {
            Optional<String> why = d.state() != DeliveryState.FAILED
                    ? Optional.of("it is " + d.state().name().toLowerCase(java.util.Locale.ROOT) + ", not failed")
                    : gateRefusal(directory, gate, d, now);
            if (why.isEmpty() && !parts.notices().requeueFailed(d.id(), "resent on request", now,
                    AuditEvent.of(actor.auditRef(), AuditAction.DELIVERY_RESENT, d.reference(), resent(d, Optional.empty())))) {
                why = Optional.of("it changed state meanwhile; look again");
            }
            if (why.isPresent()) {
                parts.audit().record(actor.auditRef(), AuditAction.DELIVERY_RESENT, d.reference(), resent(d, why));
                refused.add(new ResendOutcome.NotResent(d.id(), d.organisationId(), d.pocId(), d.channel().yamlName(), why.get()));
            } else {
                requeued.add(d.id());
            }
        }
        if (!requeued.isEmpty()) {
            parts.chain().wakeDispatchers();
        }
        return new ResendOutcome(requeued, refused);
    }

    /** The same judgement as when it was first sent, made again today. */
    private Optional<String> gateRefusal(Directory directory, AgreementGate gate, Delivery d, Instant now) {
        StoredNotice notice = parts.notices().notice(d.reference()).orElseThrow();
        Optional<String> agreement = gate.refusal(d.hopSenderOrg(), d.organisationId(), notice.level(),
                notice.kind() == NoticeKind.EARLY_WARNING);
        if (agreement.isPresent()) {
            return agreement;
        }
        Optional<PointOfContact> poc = directory.pointOfContact(d.pocId());
        if (poc.isEmpty()) {
            return Optional.of(d.pocId() + " is no longer in the directory");
        }
        if (poc.get().channel(d.channel()).isEmpty()) {
            return Optional.of(d.pocId() + " no longer has a " + d.channel().yamlName() + " channel in the directory");
        }
        if (!poc.get().channel(d.channel()).get().address().equals(d.address())) {
            // the stored delivery still carries the old address: an update reaches the new one, a resend would not
            return Optional.of(d.pocId() + "'s " + d.channel().yamlName() + " address changed since; send an update instead");
        }
        if (d.channel() == ChannelKind.EMAIL) {
            if (poc.get().certificate().isEmpty()) {
                return Optional.of(d.pocId() + " has no certificate in the directory; e-mail is never sent in clear");
            }
            KeyAssessment key = poc.get().certificate().get().assess(KeyPolicy.standard(), now);
            if (!key.isUsable()) {
                return Optional.of(d.pocId() + "'s certificate is not usable: " + key.describe());
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> resent(Delivery d, Optional<String> refusal) {
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("delivery", String.valueOf(d.id()));
        details.put("organisation", d.organisationId());
        details.put("poc", d.pocId());
        details.put("channel", d.channel().yamlName());
        details.put("outcome", refusal.isEmpty() ? "requeued" : "not-resent");
        refusal.ifPresent(r -> details.put("reason", r));
        return details;
    }

    private static Map<String, String> details(ResendOutcome o) {
        return Map.of("requeued", String.valueOf(o.requeued().size()), "not-resent", String.valueOf(o.notResent().size()));
    }
}
