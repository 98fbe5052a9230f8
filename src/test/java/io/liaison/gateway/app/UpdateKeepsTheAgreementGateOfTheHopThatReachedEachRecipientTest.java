package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.Hop;
import io.liaison.gateway.store.StoredRefusal;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update goes along the chain the original took, and each hop of that chain is judged again for the
 * update's level on the day it is sent: the forwarder must still hold the notice under an agreement that
 * lets it forward at that level, TLP:RED and TLP:AMBER+STRICT never travel a forwarded hop, and the
 * delivery (or refusal) is recorded on the forwarder's hop, not as if NISC had sent it directly.
 *
 * <p>The directory is the sample with METI's agreement with the power CEPTOAR raised to TLP:RED (so only
 * the level's own rule stops a RED update there) and NISC's agreement with METI ending on 2026-06-30.
 */
class UpdateKeepsTheAgreementGateOfTheHopThatReachedEachRecipientTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void aRedUpdateNeverTravelsTheLiaisonsForwardAndTheRefusalIsRecordedOnThatHop() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work); Gateway g = start(h)) {
            String ref = provisionForwardedDownTheChain(g);

            String update = g.send(update(ref, "TLP:RED")).reference();
            StatusReport s = g.awaitSettled(update, WAIT);

            assertEquals(Set.of("meti"), organisations(s.deliveries()), s.render(g.zone()));
            StoredRefusal ceptoar = refusalOf(s, "power-ceptoar");
            assertTrue(ceptoar.reason().contains("TLP:RED may not leave meti"), ceptoar.reason());
            assertEquals("meti", hop(s, ceptoar.hopId()).senderOrg(), "refused on the liaison's forward, where it would have gone");
            StoredRefusal east = refusalOf(s, "east-power");
            assertEquals("power-ceptoar", hop(s, east.hopId()).senderOrg());
            assertTrue(h.smsc.received().stream().noneMatch(m -> m.text().contains(update)
                    && (m.destination().equals("+819000000021") || m.destination().equals("+819000000051"))), "no SMS beyond METI");
        }
    }

    @Test
    void anAmberUpdateReachesForwardedRecipientsOnTheForwardersHops() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work); Gateway g = start(h)) {
            String ref = provisionForwardedDownTheChain(g);

            String update = g.send(update(ref, "TLP:AMBER")).reference();
            StatusReport s = g.awaitSettled(update, WAIT);

            assertEquals(Set.of("meti", "power-ceptoar", "east-power"), organisations(s.deliveries()), s.render(g.zone()));
            for (Delivery d : s.deliveries()) {
                String expected = switch (d.organisationId()) {
                    case "meti" -> "nisc";
                    case "power-ceptoar" -> "meti";
                    default -> "power-ceptoar";
                };
                assertEquals(expected, d.hopSenderOrg(), d.organisationId() + " is reached the way the original reached it");
                assertEquals(d.organisationId().equals("meti") ? DeliveryRole.DIRECT : DeliveryRole.FORWARD, d.role());
            }
        }
    }

    @Test
    void whenTheForwardersOwnAgreementHasEndedNobodyItForwardedToGetsTheUpdate() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work); Gateway g = start(h)) {
            String ref = provisionForwardedDownTheChain(g);
            h.clock.advance(Duration.ofDays(30)); // 2026-07-01: HA-NISC-METI-2025 ended the day before

            String update = g.send(update(ref, "TLP:AMBER")).reference();
            StatusReport s = g.status(update); // stored with its refusals at once; nothing to wait for

            assertTrue(s.deliveries().isEmpty(), s.render(g.zone()));
            assertTrue(refusalOf(s, "meti").reason().contains("expired on 2026-06-30"), s.render(g.zone()));
            StoredRefusal ceptoar = refusalOf(s, "power-ceptoar");
            assertTrue(ceptoar.reason().contains("meti"), ceptoar.reason());
            assertEquals("meti", hop(s, ceptoar.hopId()).senderOrg());
        }
    }

    private Gateway start(GatewayHarness h) throws Exception {
        Path directory = EditedDirectory.ofSample(work.resolve("directory"))
                .replace("ref: HA-NISC-METI-2025\n    provider: nisc\n    recipient: meti\n    highest_level: TLP:RED\n"
                                + "    valid_from: 2025-04-01\n    valid_until: 2027-03-31\n",
                        "ref: HA-NISC-METI-2025\n    provider: nisc\n    recipient: meti\n    highest_level: TLP:RED\n"
                                + "    valid_from: 2025-04-01\n    valid_until: 2026-06-30\n")
                .replace("ref: HA-METI-POWERCEPTOAR-2025\n    provider: meti\n    recipient: power-ceptoar\n    highest_level: TLP:AMBER\n",
                        "ref: HA-METI-POWERCEPTOAR-2025\n    provider: meti\n    recipient: power-ceptoar\n    highest_level: TLP:RED\n")
                .write();
        Properties p = h.overrides();
        p.setProperty("gateway.directory", directory.toString());
        p.setProperty("gateway.escalation.normal.deadline", "off"); // a month later nobody is chased: not this test's subject
        return Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(h.clock).start();
    }

    /** NISC → METI (send), METI → power CEPTOAR (forward), power CEPTOAR → its members (forward). */
    private static String provisionForwardedDownTheChain(Gateway g) throws Exception {
        String ref = g.send(Notices.provision()).reference();
        g.awaitSettled(ref, WAIT);
        g.forward(new ForwardCommand(ref, "meti-liaison", List.of("power-ceptoar"), false));
        g.awaitSettled(ref, WAIT);
        g.forward(new ForwardCommand(ref, "power-ceptoar-duty", List.of(), true));
        StatusReport original = g.awaitSettled(ref, WAIT);
        assertEquals(Set.of("meti", "power-ceptoar", "east-power"), organisations(original.deliveries()));
        return ref;
    }

    private static io.liaison.gateway.intake.NoticeFile update(String ref, String level) {
        return Notices.of("update.yaml", """
                kind: update
                references: %s
                level: %s
                from: nisc-duty
                title: 攻撃元の詳細 / Details of the attacker
                body: The attacker's infrastructure, for the named recipients.
                """.formatted(ref, level));
    }

    private static Set<String> organisations(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::organisationId).collect(Collectors.toSet());
    }

    private static StoredRefusal refusalOf(StatusReport s, String org) {
        return s.refusals().stream().filter(r -> r.organisationId().equals(org) && r.pocId().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal of " + org + ": " + s.refusals()));
    }

    private static Hop hop(StatusReport s, long id) {
        return s.hops().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }
}
