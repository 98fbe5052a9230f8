package io.liaison.gateway.policy;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.HandlingAgreement;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.Hop;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves recipients as the seeds require (001_6fc7349924d3ae8e.txt §4): a provision goes to the
 * concerned ministries' liaisons, who forward; an early warning goes straight to the sector's
 * CEPTOARs and operators with a copy (同報) to the liaisons. Then every candidate passes the gate.
 */
public final class RecipientPolicy {
    private final Supplier<Directory> directory;
    private final AgreementGate gate;
    private final Clock clock;
    private final Set<ChannelKind> availableChannels;

    public RecipientPolicy(Supplier<Directory> directory, AgreementGate gate, Clock clock, Set<ChannelKind> availableChannels) {
        this.directory = directory;
        this.gate = gate;
        this.clock = clock;
        this.availableChannels = Set.copyOf(availableChannels);
    }

    /**
     * Plans the first hop of a notice. From NISC it is routed by sector as the seeds say; from a
     * ministry, CEPTOAR or council it goes only to the organisations it names, each of which must be
     * one it passes notices on to (a CEPTOAR to its members or its council).
     */
    public DeliveryPlan planSend(NoticeDraft notice) {
        String provider = directory.get().pointOfContact(notice.senderPoc()).orElseThrow().organisationId();
        Organisation from = directory.get().organisation(provider).orElseThrow();
        if (from.kind() != OrganisationKind.NISC) {
            return planFromMember(notice, from);
        }
        Set<String> sectors = new LinkedHashSet<>(notice.target().sectors());
        if (notice.target().includeDependentSectors()) {
            for (String s : notice.target().sectors()) {
                sectors.addAll(directory.get().dependentsOf(s));
            }
        }
        Map<String, DeliveryRole> candidates = new LinkedHashMap<>();
        boolean earlyWarning = notice.kind() == NoticeKind.EARLY_WARNING;
        if (earlyWarning) {
            for (Organisation o : directory.get().organisations().values()) {
                if ((o.kind() == OrganisationKind.CEPTOAR || o.kind() == OrganisationKind.OPERATOR) && touches(o, sectors)) {
                    candidates.put(o.id(), DeliveryRole.DIRECT);
                }
            }
        }
        for (String o : notice.target().organisations()) {
            if (!o.equals(provider)) {
                candidates.put(o, DeliveryRole.DIRECT);
            }
        }
        for (Organisation ministry : directory.get().organisationsOfKind(OrganisationKind.MINISTRY)) {
            if (touches(ministry, sectors)) {
                candidates.putIfAbsent(ministry.id(), earlyWarning ? DeliveryRole.LIAISON_COPY : DeliveryRole.DIRECT);
            }
        }
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        candidates.forEach((org, role) -> {
            Optional<String> no = gate.refusal(provider, org, notice.level(), earlyWarning);
            if (no.isPresent()) {
                refusals.add(Refusal.ofOrganisation(org, no.get()));
            } else {
                addDeliveries(org, role, deliveries, refusals);
            }
        });
        return new DeliveryPlan(deliveries, refusals);
    }

    private DeliveryPlan planFromMember(NoticeDraft notice, Organisation from) {
        Set<String> downstream = downstreamOf(from);
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (String target : notice.target().organisations()) {
            if (!downstream.contains(target)) {
                refusals.add(Refusal.ofOrganisation(target, target + " is not among the organisations " + from.id()
                        + " sends notices to (" + String.join(", ", downstream) + ")"));
                continue;
            }
            Optional<String> no = gate.refusal(from.id(), target, notice.level(), false);
            if (no.isPresent()) {
                refusals.add(Refusal.ofOrganisation(target, no.get()));
            } else {
                addDeliveries(target, DeliveryRole.DIRECT, deliveries, refusals);
            }
        }
        return new DeliveryPlan(deliveries, refusals);
    }

    /**
     * Judges again, for a follow-up of {@code level} sent today, every hop of the original (its send and
     * its forwards; not escalation steps) and the organisations each reached: the first hop under the
     * originator's agreement with the recipient; a forwarded hop only if its forwarder is itself reached
     * by the follow-up, the level may leave an organisation at all (never TLP:RED or TLP:AMBER+STRICT),
     * the forwarder's own agreement lets it forward at that level, and the forwarder's agreement with the
     * recipient covers the level. Hops in the order they were made, so a forwarder is judged before
     * whom it forwarded to.
     */
    public List<Reach> reaches(List<Hop> hops, List<Delivery> deliveries, Tlp level, boolean earlyWarning) {
        Map<String, Set<String>> reachedBy = new LinkedHashMap<>();
        Map<String, String> refusedWhy = new LinkedHashMap<>();
        List<Reach> out = new ArrayList<>();
        Set<String> judged = new LinkedHashSet<>();
        for (Hop hop : hops.stream().sorted(java.util.Comparator.comparingLong(Hop::id)).toList()) {
            if (!Hop.SEND.equals(hop.action()) && !Hop.FORWARD.equals(hop.action())) {
                continue; // reminders, standby escalations and duty alerts are not routes of the notice
            }
            Map<String, List<Delivery>> byOrg = new LinkedHashMap<>();
            deliveries.stream().filter(d -> d.hopId() == hop.id() && d.role().isOriginal())
                    .forEach(d -> byOrg.computeIfAbsent(d.organisationId(), k -> new ArrayList<>()).add(d));
            Optional<String> hopRefusal = Optional.empty();
            if (Hop.FORWARD.equals(hop.action())) {
                String why = refusedWhy.get(hop.senderOrg());
                hopRefusal = why != null
                        ? Optional.of(hop.senderOrg() + ", which forwarded " + hop.reference() + ", is not sent this follow-up (" + why
                                + "), so nothing goes on through it")
                        : onwardRefusal(hop.senderOrg(), hop.reference(), level, earlyWarning,
                                reachedBy.getOrDefault(hop.senderOrg(), Set.of()));
            }
            for (Map.Entry<String, List<Delivery>> e : byOrg.entrySet()) {
                String org = e.getKey();
                if (!judged.add(org)) {
                    continue; // reached once already; the first hop that reached it decides
                }
                Optional<String> no = hopRefusal.or(() -> gate.refusal(hop.senderOrg(), org, level, earlyWarning));
                if (no.isEmpty()) {
                    reachedBy.computeIfAbsent(org, k -> new LinkedHashSet<>()).add(hop.senderOrg());
                } else {
                    refusedWhy.put(org, no.get());
                }
                List<String> pocs = e.getValue().stream().map(Delivery::pocId).distinct().toList();
                out.add(new Reach(org, hop, e.getValue().get(0).role(), pocs, no));
            }
        }
        return out;
    }

    /**
     * The same points of contact the original reached, as the directory registers them now: their
     * current channels and certificates. A contact the directory no longer holds for the organisation is
     * refused, never written to at an address stored with an earlier delivery.
     */
    public DeliveryPlan toContactsNow(String org, List<String> pocIds, DeliveryRole role) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (String pocId : pocIds) {
            Optional<PointOfContact> poc = directory.get().pointOfContact(pocId).filter(p -> p.organisationId().equals(org));
            if (poc.isEmpty()) {
                refusals.add(new Refusal(org, Optional.of(pocId), Optional.empty(), pocId
                        + " is no longer in the directory for " + org + "; nothing is sent to the address it had"));
                continue;
            }
            addChannels(org, poc.get(), role, deliveries, refusals);
        }
        return new DeliveryPlan(deliveries, refusals);
    }

    /** Every current channel of these points of contact (e.g. an organisation's standby contacts). */
    public DeliveryPlan toPointsOfContact(String org, List<PointOfContact> pocs, DeliveryRole role) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        pocs.forEach(p -> addChannels(org, p, role, deliveries, refusals));
        return new DeliveryPlan(deliveries, refusals);
    }

    /** Plans a forward (liaison → CEPTOAR, CEPTOAR → members, council → CEPTOARs) of a received notice. */
    public DeliveryPlan planForward(ForwardRequest request) {
        PointOfContact forwarder = directory.get().pointOfContact(request.forwarderPoc()).orElseThrow(
                () -> new IllegalArgumentException("unknown point of contact " + request.forwarderPoc()));
        Organisation from = directory.get().organisation(forwarder.organisationId()).orElseThrow();
        Set<String> downstream = downstreamOf(from);
        List<String> targets = new ArrayList<>(request.to());
        if (request.toMembers()) {
            membersOf(from).stream().filter(d -> !targets.contains(d)).forEach(targets::add);
        }
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Optional<String> wholeRefusal = forwardRight(from, request);
        for (String target : targets) {
            if (wholeRefusal.isPresent()) {
                refusals.add(Refusal.ofOrganisation(target, wholeRefusal.get()));
            } else if (directory.get().organisation(target).isEmpty()) {
                refusals.add(Refusal.ofOrganisation(target, "unknown organisation"));
            } else if (!downstream.contains(target)) {
                refusals.add(Refusal.ofOrganisation(target, target + " is not among the organisations " + from.id()
                        + " passes notices on to (" + String.join(", ", downstream) + ")"));
            } else if (request.alreadyReached().contains(target)) {
                refusals.add(Refusal.ofOrganisation(target, "already received " + request.reference()));
            } else {
                Optional<String> no = gate.refusal(from.id(), target, request.level(), request.earlyWarning());
                if (no.isPresent()) {
                    refusals.add(Refusal.ofOrganisation(target, no.get()));
                } else {
                    addDeliveries(target, DeliveryRole.FORWARD, deliveries, refusals);
                }
            }
        }
        return new DeliveryPlan(deliveries, refusals);
    }

    /** Empty when {@code from} may pass this notice on at all; otherwise why not. */
    private Optional<String> forwardRight(Organisation from, ForwardRequest request) {
        return onwardRefusal(from.id(), request.reference(), request.level(), request.earlyWarning(), request.receivedFrom());
    }

    /**
     * Empty when {@code from}, which holds the notice from {@code receivedFrom}, may pass it on at
     * {@code level}: the level may leave an organisation, and an agreement under which it received it
     * covers the level and lets it forward onward.
     */
    private Optional<String> onwardRefusal(String from, String reference, Tlp level, boolean earlyWarning,
                                           Set<String> receivedFrom) {
        if (receivedFrom.isEmpty()) {
            return Optional.of(from + " has not received " + reference);
        }
        if (!level.allowsOnwardToOtherOrganisations()) {
            return Optional.of(level.label() + " may not leave " + from + "; it cannot be forwarded");
        }
        List<String> reasons = new ArrayList<>();
        for (String provider : receivedFrom) {
            Optional<HandlingAgreement> agreement = gate.forwarding(provider, from, level);
            if (agreement.isPresent()) {
                return Optional.empty();
            }
            if (level == Tlp.CLEAR && !earlyWarning && gate.covering(provider, from, level).isEmpty()) {
                return Optional.empty(); // TLP:CLEAR carries no limit on disclosure
            }
            reasons.add(gate.covering(provider, from, level).map(a -> "handling agreement " + a.reference() + " with " + provider
                            + " does not allow " + from + " to forward onward")
                    .orElseGet(() -> gate.whyNot(provider, from, level)));
        }
        return Optional.of(String.join("; ", reasons));
    }

    /** Whom "--to-members" means: a ministry's sector CEPTOARs, a CEPTOAR's operators, the council's CEPTOARs. */
    public Set<String> membersOf(Organisation org) {
        return switch (org.kind()) {
            case CEPTOAR, COUNCIL -> new LinkedHashSet<>(org.members());
            default -> downstreamOf(org);
        };
    }

    /** Whom an organisation may pass notices on to, per the seeds' chain (members, and a CEPTOAR's council). */
    public Set<String> downstreamOf(Organisation org) {
        Set<String> out = new LinkedHashSet<>();
        switch (org.kind()) {
            case MINISTRY -> directory.get().organisationsOfKind(OrganisationKind.CEPTOAR).stream()
                    .filter(c -> touches(c, new LinkedHashSet<>(org.sectors()))).forEach(c -> out.add(c.id()));
            case CEPTOAR -> {
                out.addAll(org.members());
                // cross-sector sharing goes through the councils the CEPTOAR sits on
                directory.get().organisationsOfKind(OrganisationKind.COUNCIL).stream()
                        .filter(c -> c.members().contains(org.id())).forEach(c -> out.add(c.id()));
            }
            case COUNCIL -> out.addAll(org.members());
            default -> { }
        }
        return out;
    }

    private void addDeliveries(String org, DeliveryRole role, List<PlannedDelivery> deliveries, List<Refusal> refusals) {
        List<PointOfContact> pocs = directory.get().activePointsOfContactOf(org);
        if (pocs.isEmpty()) {
            refusals.add(Refusal.ofOrganisation(org, "no active point of contact in the directory"));
            return;
        }
        for (PointOfContact poc : pocs) {
            addChannels(org, poc, role, deliveries, refusals);
        }
    }

    private void addChannels(String org, PointOfContact poc, DeliveryRole role, List<PlannedDelivery> deliveries,
                             List<Refusal> refusals) {
        for (ContactChannel channel : poc.channels()) {
            Optional<String> no = channelRefusal(poc, channel);
            if (no.isPresent()) {
                refusals.add(Refusal.ofChannel(org, poc.id(), channel.kind(), no.get()));
            } else {
                deliveries.add(new PlannedDelivery(org, poc.id(), channel.kind(), channel.address(), role));
            }
        }
    }

    private Optional<String> channelRefusal(PointOfContact poc, ContactChannel channel) {
        if (!availableChannels.contains(channel.kind())) {
            return Optional.of("no " + channel.kind().yamlName() + " channel is configured in this gateway");
        }
        if (channel.kind() != ChannelKind.EMAIL) {
            return Optional.empty();
        }
        if (poc.certificate().isEmpty()) {
            return Optional.of("no encryption certificate for " + poc.id() + "; e-mail is never sent in plaintext");
        }
        if (!poc.certificate().get().usableForEncryptionAt(clock.instant())) {
            return Optional.of("certificate " + poc.certificate().get().fingerprint() + " of " + poc.id()
                    + " is expired, revoked or has no encryption key");
        }
        return Optional.empty();
    }

    private static boolean touches(Organisation o, Set<String> sectors) {
        return o.sectors().stream().anyMatch(sectors::contains);
    }
}
