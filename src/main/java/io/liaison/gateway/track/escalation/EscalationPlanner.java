package io.liaison.gateway.track.escalation;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.policy.Reach;
import io.liaison.gateway.policy.RecipientPolicy;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.track.EscalationAction;
import io.liaison.gateway.track.EscalationWatch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Works out what one escalation step sends, within the same rules as the first delivery: the agreement
 * gate of the hop that reached the organisation, judged again that day, and the contacts as the directory
 * holds them at plan time.
 */
public final class EscalationPlanner {
    /** Hop actions of escalation steps, beside the spine's "send" and "forward". */
    public static final String REMIND = "remind";
    public static final String ESCALATE = "escalate";
    public static final String ALERT = "alert";
    /** The duty alert's hop is the gateway's own doing, not a person's. */
    public static final String GATEWAY_SENDER = "gateway";

    private final Supplier<Directory> directory;
    private final NoticeStore notices;
    private final RecipientPolicy policy;
    private final String dutyPoc;

    /**
     * @param policy the gate and channel rules of the first delivery, applied again to every step; it and
     *               {@code directory} are asked at plan time, so a step uses the contacts as they are then
     */
    public EscalationPlanner(Supplier<Directory> directory, NoticeStore notices, RecipientPolicy policy, String dutyPoc) {
        this.directory = directory;
        this.notices = notices;
        this.policy = policy;
        this.dutyPoc = dutyPoc;
    }

    public StepPlan plan(EscalationAction action, EscalationWatch watch, StoredNotice notice, Instant now) {
        if (action == EscalationAction.DUTY_OFFICER) {
            return duty(watch, notice, now);
        }
        // The hop that reached the organisation, judged again today for the notice's level: an agreement that
        // ended, or a forwarder that may no longer pass it on, stops reminders and standby escalations too.
        Optional<Reach> reach = policy.reaches(notices.hops(watch.reference()), notices.deliveries(watch.reference()),
                notice.level(), notice.kind() == NoticeKind.EARLY_WARNING).stream()
                .filter(r -> r.organisationId().equals(watch.organisationId())).findFirst();
        String senderOrg = reach.map(r -> r.hop().senderOrg()).orElse(notice.originatorOrg());
        String senderPoc = reach.map(r -> r.hop().senderPoc()).orElse(notice.senderPoc());
        String hopAction = action == EscalationAction.RESEND ? REMIND : ESCALATE;
        if (reach.isEmpty()) {
            return new StepPlan(hopAction, senderOrg, senderPoc, List.of(),
                    "nothing sent: no earlier delivery to " + watch.organisationId());
        }
        if (reach.get().refusal().isPresent()) {
            return new StepPlan(hopAction, senderOrg, senderPoc, List.of(), "not sent to " + watch.organisationId() + " (hop from "
                    + senderOrg + "): " + reach.get().refusal().get());
        }
        return action == EscalationAction.RESEND
                ? resend(watch, reach.get(), senderOrg, senderPoc)
                : standby(watch, notice, senderOrg, senderPoc);
    }

    private StepPlan resend(EscalationWatch watch, Reach reach, String senderOrg, String senderPoc) {
        DeliveryPlan plan = policy.toContactsNow(watch.organisationId(), reach.pocIds(), DeliveryRole.REMINDER);
        List<String> skipped = skipped(plan);
        String detail = (plan.deliveries().isEmpty() ? "nothing could be resent to " + watch.organisationId()
                : "reminder resent to " + describe(plan.deliveries())) + skippedText(skipped);
        return new StepPlan(REMIND, senderOrg, senderPoc, plan.deliveries(), detail);
    }

    private StepPlan standby(EscalationWatch watch, StoredNotice notice, String senderOrg, String senderPoc) {
        if (notice.level() == Tlp.RED) {
            return new StepPlan(ESCALATE, senderOrg, senderPoc, List.of(),
                    "standby contacts not used: TLP:RED goes to the named recipients only");
        }
        List<PointOfContact> standby = directory.get().pointsOfContactOf(watch.organisationId()).stream()
                .filter(PointOfContact::standby).toList();
        if (standby.isEmpty()) {
            return new StepPlan(ESCALATE, senderOrg, senderPoc, List.of(),
                    "no standby point of contact for " + watch.organisationId() + " in the directory; nothing sent");
        }
        DeliveryPlan plan = policy.toPointsOfContact(watch.organisationId(), standby, DeliveryRole.ESCALATION);
        String detail = (plan.deliveries().isEmpty() ? "nothing could be sent to the standby contacts"
                : "escalated to standby " + describe(plan.deliveries())) + skippedText(skipped(plan));
        return new StepPlan(ESCALATE, senderOrg, senderPoc, plan.deliveries(), detail);
    }

    private static List<String> skipped(DeliveryPlan plan) {
        return plan.refusals().stream().map(r -> r.channel().map(c -> r.pocId().orElse("") + " " + c.yamlName() + ": ").orElse("")
                + r.reason()).toList();
    }

    // The alert itself carries no content of the notice (see DutyAlertContent): only its reference, level and
    // who has not confirmed, so it may go on every channel of the duty officer, TLP:RED included.
    private StepPlan duty(EscalationWatch watch, StoredNotice notice, Instant now) {
        String nisc = directory.get().nisc().id();
        Optional<PointOfContact> duty = directory.get().pointOfContact(dutyPoc);
        if (duty.isEmpty()) {
            return new StepPlan(ALERT, nisc, GATEWAY_SENDER, List.of(),
                    "duty officer " + dutyPoc + " is not in the directory; nobody alerted");
        }
        DeliveryPlan plan = policy.toPointsOfContact(duty.get().organisationId(), List.of(duty.get()), DeliveryRole.DUTY_ALERT);
        String detail = (plan.deliveries().isEmpty() ? "duty officer " + dutyPoc + " could not be alerted"
                : "duty officer alerted: " + describe(plan.deliveries())) + " (" + watch.organisationId() + " unconfirmed)"
                + skippedText(skipped(plan));
        return new StepPlan(ALERT, nisc, GATEWAY_SENDER, plan.deliveries(), detail);
    }

    private static String describe(List<PlannedDelivery> deliveries) {
        Map<String, Set<String>> byPoc = new LinkedHashMap<>();
        deliveries.forEach(d -> byPoc.computeIfAbsent(d.pocId(), k -> new LinkedHashSet<>()).add(d.channel().yamlName()));
        return byPoc.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String skippedText(List<String> skipped) {
        return skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", skipped);
    }
}
