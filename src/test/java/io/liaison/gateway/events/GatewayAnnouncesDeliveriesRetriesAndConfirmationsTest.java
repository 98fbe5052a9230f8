package io.liaison.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.events.GatewayEvent.Kind;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.ConfirmationChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live view learns of every change it shows, and only once the store holds it: the notice accepted,
 * each recipient organisation reached (after the commit), a channel retrying, a confirmation.
 */
class GatewayAnnouncesDeliveriesRetriesAndConfirmationsTest {
    @TempDir
    Path work;

    @Test
    void eachChangeIsAnnouncedForItsOrganisationAfterItIsStored() throws Exception {
        try (GatewayHarness h = GatewayHarness.withMailDown(work)) {
            Gateway gateway = h.gateway();
            List<GatewayEvent> heard = new CopyOnWriteArrayList<>();
            List<String> sentBeforeCommit = new CopyOnWriteArrayList<>();
            GatewayEvents.Subscription subscription = gateway.events().subscribe(e -> {
                heard.add(e);
                if (e.kind() == Kind.DELIVERY_SENT && gateway.store().deliveries(e.reference()).stream()
                        .noneMatch(d -> d.organisationId().equals(e.organisationId()) && d.state() == DeliveryState.SENT)) {
                    sentBeforeCommit.add(e.organisationId());
                }
            });

            String ref = gateway.send(Notices.earlyWarning()).reference();
            Await.until(() -> gateway.status(ref), r -> r.deliveries().stream().allMatch(d ->
                    d.channel() == ChannelKind.SMS ? d.state() == DeliveryState.SENT : d.attempts() >= 1),
                    Duration.ofSeconds(30), "SMS sent and e-mail attempted");
            Set<String> recipients = gateway.store().deliveries(ref).stream().map(d -> d.organisationId()).collect(Collectors.toSet());
            // A delivery's attempt is counted when claimed, before its outcome: wait for the outcomes' events.
            Await.until(() -> List.of(of(heard, Kind.DELIVERY_SENT, ref), of(heard, Kind.DELIVERY_RETRYING, ref)),
                    s -> s.get(0).equals(recipients) && s.get(1).equals(recipients), Duration.ofSeconds(20),
                    "a sent and a retrying event per recipient organisation");

            assertEquals(Set.of("nisc"), of(heard, Kind.NOTICE_ACCEPTED, ref), "accepted, for the originator: " + heard);
            assertTrue(sentBeforeCommit.isEmpty(), "announced before the store showed it sent: " + sentBeforeCommit);

            gateway.acknowledgements().acknowledge(ref, "meti-liaison", ConfirmationChannel.CLI, h.clock.instant());
            assertEquals(Set.of("meti"), of(heard, Kind.CONFIRMATION_RECORDED, ref), heard.toString());

            subscription.close();
            int before = heard.size();
            gateway.acknowledgements().acknowledge(ref, "east-power-soc", ConfirmationChannel.CLI, h.clock.instant());
            assertEquals(before, heard.size(), "a closed subscription hears nothing");
            assertFalse(heard.stream().anyMatch(e -> e.kind() == Kind.DELIVERY_FAILED), heard.toString());
        }
    }

    private static Set<String> of(List<GatewayEvent> heard, Kind kind, String ref) {
        return heard.stream().filter(e -> e.kind() == kind && e.reference().equals(ref))
                .map(GatewayEvent::organisationId).collect(Collectors.toSet());
    }
}
