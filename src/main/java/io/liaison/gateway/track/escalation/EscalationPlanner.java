package io.liaison.gateway.track.escalation;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.track.EscalationAction;
import io.liaison.gateway.track.EscalationWatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Works out what one escalation step sends, within the same rules as the first delivery. */
public final class EscalationPlanner {
    /** Hop actions of escalation steps, beside the spine's "send" and "forward". */
    public static final String REMIND = "remind";
    public static final String ESCALATE = "escalate";
    public static final String ALERT = "alert";
    /** The duty alert's hop is the gateway's own doing, not a person's. */
    public static final String GATEWAY_SENDER = "gateway";

    private final Directory directory;
    private final NoticeStore notices;
    private final Set<ChannelKind> channels;
    private final String dutyPoc;

    public EscalationPlanner(Directory directory, NoticeStore notices, Set<ChannelKind> channels, String dutyPoc) {
        this.directory = directory;
        this.notices = notices;
        this.channels = Set.copyOf(channels);
        this.dutyPoc = dutyPoc;
    }

    public StepPlan plan(EscalationAction action, EscalationWatch watch, StoredNotice notice, Instant now) {
        List<Delivery> originals = notices.deliveries(watch.reference()).stream()
                .filter(d -> d.organisationId().equals(watch.organisationId()) && d.role().isOriginal())
                .toList();
        String senderOrg = originals.isEmpty() ? notice.originatorOrg() : originals.get(0).hopSenderOrg();
        String senderPoc = originals.isEmpty() ? notice.senderPoc() : originals.get(0).hopSenderPoc();
        return switch (action) {
            case RESEND -> resend(watch, originals, senderOrg, senderPoc);
            case STANDBY -> standby(watch, notice, senderOrg, senderPoc, now);
            case DUTY_OFFICER -> duty(watch, notice, now);
        };
    }

    private StepPlan resend(EscalationWatch watch, List<Delivery> originals, String senderOrg, String senderPoc) {
        Map<String, PlannedDelivery> again = new LinkedHashMap<>();
        for (Delivery d : originals) {
            again.putIfAbsent(d.pocId() + "/" + d.channel(),
                    new PlannedDelivery(watch.organisationId(), d.pocId(), d.channel(), d.address(), DeliveryRole.REMINDER));
        }
        List<PlannedDelivery> deliveries = List.copyOf(again.values());
        String detail = deliveries.isEmpty() ? "nothing to resend: no earlier delivery to " + watch.organisationId()
                : "reminder resent to " + describe(deliveries);
        return new StepPlan(REMIND, senderOrg, senderPoc, deliveries, detail);
    }

    private StepPlan standby(EscalationWatch watch, StoredNotice notice, String senderOrg, String senderPoc, Instant now) {
        if (notice.level() == Tlp.RED) {
            return new StepPlan(ESCALATE, senderOrg, senderPoc, List.of(),
                    "standby contacts not used: TLP:RED goes to the named recipients only");
        }
        List<PointOfContact> standby = directory.pointsOfContactOf(watch.organisationId()).stream()
                .filter(PointOfContact::standby).toList();
        if (standby.isEmpty()) {
            return new StepPlan(ESCALATE, senderOrg, senderPoc, List.of(),
                    "no standby point of contact for " + watch.organisationId() + " in the directory; nothing sent");
        }
        List<String> skipped = new ArrayList<>();
        List<PlannedDelivery> deliveries = plannedFor(standby, watch.organisationId(), DeliveryRole.ESCALATION, now, skipped);
        String detail = (deliveries.isEmpty() ? "nothing could be sent to the standby contacts"
                : "escalated to standby " + describe(deliveries)) + skippedText(skipped);
        return new StepPlan(ESCALATE, senderOrg, senderPoc, deliveries, detail);
    }

    private StepPlan duty(EscalationWatch watch, StoredNotice notice, Instant now) {
        String nisc = directory.nisc().id();
        Optional<PointOfContact> duty = directory.pointOfContact(dutyPoc);
        if (duty.isEmpty()) {
            return new StepPlan(ALERT, nisc, GATEWAY_SENDER, List.of(),
                    "duty officer " + dutyPoc + " is not in the directory; nobody alerted");
        }
        List<String> skipped = new ArrayList<>();
        if (notice.level() == Tlp.RED && duty.get().channel(ChannelKind.EMAIL).isPresent()) {
            // The alert e-mail carries the notice; at TLP:RED only its named recipients may read that.
            skipped.add("e-mail withheld at TLP:RED");
        }
        List<PlannedDelivery> deliveries = plannedFor(List.of(duty.get()), duty.get().organisationId(),
                DeliveryRole.DUTY_ALERT, now, skipped).stream()
                .filter(d -> !(notice.level() == Tlp.RED && d.channel() == ChannelKind.EMAIL))
                .toList();
        String detail = (deliveries.isEmpty() ? "duty officer " + dutyPoc + " could not be alerted"
                : "duty officer alerted: " + describe(deliveries)) + " (" + watch.organisationId() + " unconfirmed)"
                + skippedText(skipped);
        return new StepPlan(ALERT, nisc, GATEWAY_SENDER, deliveries, detail);
    }

    // The same channel rules as the first delivery: only channels this gateway runs; e-mail only encrypted.
    private List<PlannedDelivery> plannedFor(List<PointOfContact> pocs, String org, DeliveryRole role, Instant now,
                                             List<String> skipped) {
        List<PlannedDelivery> out = new ArrayList<>();
        for (PointOfContact poc : pocs) {
            for (ContactChannel channel : poc.channels()) {
                if (!channels.contains(channel.kind())) {
                    skipped.add(poc.id() + " " + channel.kind().yamlName() + ": channel not configured");
                } else if (channel.kind() == ChannelKind.EMAIL && (poc.certificate().isEmpty()
                        || !poc.certificate().get().usableForEncryptionAt(now))) {
                    skipped.add(poc.id() + " e-mail: no usable encryption certificate");
                } else {
                    out.add(new PlannedDelivery(org, poc.id(), channel.kind(), channel.address(), role));
                }
            }
        }
        return out;
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
