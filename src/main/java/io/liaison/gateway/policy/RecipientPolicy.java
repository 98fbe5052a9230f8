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
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves recipients as the seeds require (001_6fc7349924d3ae8e.txt §4): a provision goes to the
 * concerned ministries' liaisons, who forward; an early warning goes straight to the sector's
 * CEPTOARs and operators with a copy (同報) to the liaisons. Then every candidate passes the gate.
 */
public final class RecipientPolicy {
    private final Directory directory;
    private final AgreementGate gate;
    private final Clock clock;
    private final Set<ChannelKind> availableChannels;

    public RecipientPolicy(Directory directory, AgreementGate gate, Clock clock, Set<ChannelKind> availableChannels) {
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
        String provider = directory.pointOfContact(notice.senderPoc()).orElseThrow().organisationId();
        Organisation from = directory.organisation(provider).orElseThrow();
        if (from.kind() != OrganisationKind.NISC) {
            return planFromMember(notice, from);
        }
        Set<String> sectors = new LinkedHashSet<>(notice.target().sectors());
        if (notice.target().includeDependentSectors()) {
            for (String s : notice.target().sectors()) {
                sectors.addAll(directory.dependentsOf(s));
            }
        }
        Map<String, DeliveryRole> candidates = new LinkedHashMap<>();
        boolean earlyWarning = notice.kind() == NoticeKind.EARLY_WARNING;
        if (earlyWarning) {
            for (Organisation o : directory.organisations().values()) {
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
        for (Organisation ministry : directory.organisationsOfKind(OrganisationKind.MINISTRY)) {
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
     * Plans an update or cancellation: the same (organisation, point of contact, channel) as every
     * delivery of the original, each still under an agreement with whoever sent it that hop.
     */
    public DeliveryPlan planFollowUp(List<io.liaison.gateway.store.Delivery> original, Tlp level, boolean earlyWarning) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> refused = new LinkedHashSet<>();
        for (io.liaison.gateway.store.Delivery d : original) {
            if (d.role() == DeliveryRole.DUTY_ALERT) {
                continue; // the gateway's own alert to its duty officer, not a recipient of the notice
            }
            String key = d.organisationId() + "|" + d.pocId() + "|" + d.channel();
            if (!seen.add(key) || refused.contains(d.organisationId())) {
                continue;
            }
            Optional<String> no = gate.refusal(d.hopSenderOrg(), d.organisationId(), level, earlyWarning);
            if (no.isPresent()) {
                refused.add(d.organisationId());
                refusals.add(Refusal.ofOrganisation(d.organisationId(), no.get()));
                continue;
            }
            PointOfContact poc = directory.pointOfContact(d.pocId()).orElse(null);
            Optional<String> channelNo = poc == null ? Optional.of("point of contact " + d.pocId() + " left the directory")
                    : channelRefusal(poc, new ContactChannel(d.channel(), d.address()));
            if (channelNo.isPresent()) {
                refusals.add(Refusal.ofChannel(d.organisationId(), d.pocId(), d.channel(), channelNo.get()));
            } else {
                // the gateway itself sends the follow-up to each of them: no one has to forward it again
                deliveries.add(new PlannedDelivery(d.organisationId(), d.pocId(), d.channel(), d.address(), DeliveryRole.DIRECT));
            }
        }
        return new DeliveryPlan(deliveries, refusals);
    }

    /** Plans a forward (liaison → CEPTOAR, CEPTOAR → members, council → CEPTOARs) of a received notice. */
    public DeliveryPlan planForward(ForwardRequest request) {
        PointOfContact forwarder = directory.pointOfContact(request.forwarderPoc()).orElseThrow(
                () -> new IllegalArgumentException("unknown point of contact " + request.forwarderPoc()));
        Organisation from = directory.organisation(forwarder.organisationId()).orElseThrow();
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
            } else if (directory.organisation(target).isEmpty()) {
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
        if (request.receivedFrom().isEmpty()) {
            return Optional.of(from.id() + " has not received " + request.reference());
        }
        if (!request.level().allowsOnwardToOtherOrganisations()) {
            return Optional.of(request.level().label() + " may not leave " + from.id() + "; it cannot be forwarded");
        }
        List<String> reasons = new ArrayList<>();
        for (String provider : request.receivedFrom()) {
            Optional<HandlingAgreement> agreement = gate.covering(provider, from.id(), request.level());
            if (agreement.isPresent() && agreement.get().recipientMayForward()) {
                return Optional.empty();
            }
            if (request.level() == Tlp.CLEAR && !request.earlyWarning() && agreement.isEmpty()) {
                return Optional.empty(); // TLP:CLEAR carries no limit on disclosure
            }
            reasons.add(agreement.map(a -> "handling agreement " + a.reference() + " with " + provider
                            + " does not allow " + from.id() + " to forward onward")
                    .orElseGet(() -> gate.whyNot(provider, from.id(), request.level())));
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
            case MINISTRY -> directory.organisationsOfKind(OrganisationKind.CEPTOAR).stream()
                    .filter(c -> touches(c, new LinkedHashSet<>(org.sectors()))).forEach(c -> out.add(c.id()));
            case CEPTOAR -> {
                out.addAll(org.members());
                // cross-sector sharing goes through the councils the CEPTOAR sits on
                directory.organisationsOfKind(OrganisationKind.COUNCIL).stream()
                        .filter(c -> c.members().contains(org.id())).forEach(c -> out.add(c.id()));
            }
            case COUNCIL -> out.addAll(org.members());
            default -> { }
        }
        return out;
    }

    private void addDeliveries(String org, DeliveryRole role, List<PlannedDelivery> deliveries, List<Refusal> refusals) {
        List<PointOfContact> pocs = directory.activePointsOfContactOf(org);
        if (pocs.isEmpty()) {
            refusals.add(Refusal.ofOrganisation(org, "no active point of contact in the directory"));
            return;
        }
        for (PointOfContact poc : pocs) {
            for (ContactChannel channel : poc.channels()) {
                Optional<String> no = channelRefusal(poc, channel);
                if (no.isPresent()) {
                    refusals.add(Refusal.ofChannel(org, poc.id(), channel.kind(), no.get()));
                } else {
                    deliveries.add(new PlannedDelivery(org, poc.id(), channel.kind(), channel.address(), role));
                }
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
