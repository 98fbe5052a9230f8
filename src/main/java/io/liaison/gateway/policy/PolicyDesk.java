package io.liaison.gateway.policy;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.FollowUp;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.store.Hop;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import java.util.function.Supplier;

/** The policy stage as the routes call it: plans a send, or a forward using what the ledger knows. */
public final class PolicyDesk {
    private final Supplier<Directory> directory;
    private final RecipientPolicy policy;
    private final NoticeStore store;

    public PolicyDesk(Supplier<Directory> directory, RecipientPolicy policy, NoticeStore store) {
        this.directory = directory;
        this.policy = policy;
        this.store = store;
    }

    public PlannedNotice planSend(NoticeDraft draft) {
        String originator = directory.get().pointOfContact(draft.senderPoc()).orElseThrow().organisationId();
        boolean nisc = directory.get().organisation(originator).map(o -> o.kind() == OrganisationKind.NISC).orElse(false);
        if (draft.followUp().isPresent()) {
            return planFollowUp(draft, draft.followUp().get(), originator, nisc);
        }
        return new PlannedNotice(draft, originator, nisc, policy.planSend(draft));
    }

    /**
     * An update or cancellation takes the original's kind, priority, sectors and recipients: it goes to
     * everyone who was sent the original, along the same hops, each judged again for the follow-up's level
     * today, to the points of contact as the directory has them now.
     */
    private PlannedNotice planFollowUp(NoticeDraft draft, FollowUp followUp, String sender, boolean nisc) {
        String source = draft.followUp().get().type().yamlName() + " of " + followUp.references();
        StoredNotice original = store.notice(followUp.references())
                .orElseThrow(() -> new NoticeRejectedException(source, List.of("references: no notice " + followUp.references())));
        List<String> problems = new ArrayList<>();
        if (original.followUp().isPresent()) {
            problems.add("references: " + original.reference() + " is itself an " + original.followUp().get().type().yamlName()
                    + "; refer to the original " + original.followUp().get().references());
        }
        if (original.kind() == NoticeKind.INCIDENT_RELAY || original.kind() == NoticeKind.QUARANTINE_NOTICE) {
            problems.add("references: " + original.reference() + " is " + original.kind().yamlName()
                    + ", written by the gateway for inbound mail; it is never updated or cancelled");
        }
        if (!original.originatorOrg().equals(sender)) {
            problems.add("from: only " + original.originatorOrg() + ", which issued " + original.reference()
                    + ", may update or cancel it");
        }
        store.followUpsOf(original.reference()).stream().filter(f -> f.followUp().orElseThrow().type() == FollowUp.Type.CANCEL)
                .findFirst().ifPresent(c -> problems.add("references: " + original.reference() + " was cancelled by " + c.reference()));
        if (draft.exercise() != original.exercise()) {
            problems.add("exercise: must match the original (" + original.exercise() + ")");
        }
        if (!problems.isEmpty()) {
            throw new NoticeRejectedException(source, problems);
        }
        Tlp level = followUp.type() == FollowUp.Type.CANCEL ? original.level() : draft.level();
        NoticeDraft effective = new NoticeDraft(original.kind(), original.priority(), level, original.exercise(),
                draft.senderPoc(), draft.title(), draft.summary(), draft.body(),
                new Target(original.targetSectors(), original.targetOrganisations(), false), draft.followUp());
        List<Reach> reaches = policy.reaches(store.hops(original.reference()), store.deliveries(original.reference()), level,
                original.kind() == NoticeKind.EARLY_WARNING);
        // One hop of the follow-up per hop of the original that reached anyone: the first is the sender's own,
        // each further one the forwarder's, so the ledger shows the follow-up took the same road.
        Map<Long, List<Reach>> byHop = new LinkedHashMap<>();
        reaches.forEach(r -> byHop.computeIfAbsent(r.hop().id(), k -> new ArrayList<>()).add(r));
        DeliveryPlan first = new DeliveryPlan(List.of(), List.of());
        List<PlannedHop> onward = new ArrayList<>();
        for (List<Reach> hop : byHop.values()) {
            DeliveryPlan plan = planOf(hop);
            Hop via = hop.get(0).hop();
            if (Hop.SEND.equals(via.action())) {
                first = plan;
            } else {
                onward.add(new PlannedHop(Hop.FORWARD, via.senderOrg(), via.senderPoc(), plan));
            }
        }
        return new PlannedNotice(effective, sender, nisc, first, onward);
    }

    private DeliveryPlan planOf(List<Reach> reaches) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (Reach r : reaches) {
            if (r.refusal().isPresent()) {
                refusals.add(Refusal.ofOrganisation(r.organisationId(), r.refusal().get()));
            } else {
                DeliveryPlan contacts = policy.toContactsNow(r.organisationId(), r.pocIds(), r.role());
                deliveries.addAll(contacts.deliveries());
                refusals.addAll(contacts.refusals());
            }
        }
        return new DeliveryPlan(deliveries, refusals);
    }

    public PlannedForward planForward(ForwardCommand command) {
        StoredNotice notice = store.notice(command.reference())
                .orElseThrow(() -> new ForwardRefusedException("no notice with reference " + command.reference()));
        PointOfContact poc = directory.get().pointOfContact(command.actingPoc())
                .orElseThrow(() -> new ForwardRefusedException("no point of contact \"" + command.actingPoc() + "\" in the directory"));
        if (notice.kind() == NoticeKind.INCIDENT_RELAY || notice.kind() == NoticeKind.QUARANTINE_NOTICE) {
            // 任意提供情報 leaves NISC and the ministry only sanitised, by a separate re-share; never as forwarded.
            throw new ForwardRefusedException(command.reference() + " is " + notice.kind().yamlName() + " and is never forwarded");
        }
        if (command.to().isEmpty() && !command.toMembers()) {
            throw new ForwardRefusedException("forward of " + command.reference() + " names no recipient; give --to ORG or --to-members");
        }
        String org = poc.organisationId();
        ForwardRequest request = new ForwardRequest(notice.reference(), notice.level(),
                notice.kind() == NoticeKind.EARLY_WARNING, poc.id(), command.to(), command.toMembers(),
                store.providersOf(notice.reference(), org), reachedOrSent(notice.reference()));
        return new PlannedForward(notice.reference(), org, poc.id(), policy.planForward(request));
    }

    /** Who already has the notice: everyone it was delivered to, and everyone who sent it on. */
    private Set<String> reachedOrSent(String reference) {
        Set<String> out = new LinkedHashSet<>(store.reachedOrganisations(reference));
        store.hops(reference).forEach(h -> out.add(h.senderOrg()));
        return out;
    }
}
