package io.liaison.gateway.inbound;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.policy.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plans the gateway's own outbound records for inbound traffic (report relays, quarantine notices) on
 * the channels the directory registers: e-mail only encrypted to a usable certificate, never to an
 * address taken from the inbound message. Never by fax, which is unencrypted. No handling-agreement gate: these go to the bodies the
 * reporting rules name, or back to the sender's own registered contact.
 */
public final class InboundDeliveryPlanner {
    private static final Set<ChannelKind> AVAILABLE = Set.of(ChannelKind.EMAIL, ChannelKind.SMS);

    private final Supplier<Directory> directory;
    private final Clock clock;

    public InboundDeliveryPlanner(Supplier<Directory> directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Every channel of one point of contact. */
    public DeliveryPlan toPointOfContact(PointOfContact poc) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        add(poc, deliveries, refusals);
        return new DeliveryPlan(deliveries, refusals);
    }

    /** Every channel of every active point of contact of each organisation. */
    public DeliveryPlan toOrganisations(List<String> organisationIds) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (String org : organisationIds) {
            List<PointOfContact> pocs = directory.get().activePointsOfContactOf(org);
            if (pocs.isEmpty()) {
                refusals.add(Refusal.ofOrganisation(org, "no active point of contact in the directory"));
            }
            pocs.forEach(poc -> add(poc, deliveries, refusals));
        }
        return new DeliveryPlan(deliveries, refusals);
    }

    private void add(PointOfContact poc, List<PlannedDelivery> deliveries, List<Refusal> refusals) {
        for (ContactChannel channel : poc.channels()) {
            String org = poc.organisationId();
            if (!AVAILABLE.contains(channel.kind())) {
                refusals.add(Refusal.ofChannel(org, poc.id(), channel.kind(), "inbound-related records go by encrypted e-mail"
                        + " and a content-free SMS only, never by " + channel.kind().yamlName()));
            } else if (channel.kind() == ChannelKind.EMAIL && poc.certificate().isEmpty()) {
                refusals.add(Refusal.ofChannel(org, poc.id(), channel.kind(),
                        "no encryption certificate for " + poc.id() + "; e-mail is never sent in plaintext"));
            } else if (channel.kind() == ChannelKind.EMAIL && !poc.certificate().get().usableForEncryptionAt(clock.instant())) {
                refusals.add(Refusal.ofChannel(org, poc.id(), channel.kind(), "certificate " + poc.certificate().get().fingerprint()
                        + " of " + poc.id() + " is expired, revoked or has no encryption key"));
            } else {
                deliveries.add(new PlannedDelivery(org, poc.id(), channel.kind(), channel.address(), DeliveryRole.DIRECT));
            }
        }
    }
}
