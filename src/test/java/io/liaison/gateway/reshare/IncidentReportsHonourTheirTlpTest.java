package io.liaison.gateway.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredRefusal;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report is addressed to NISC (the gateway's mailbox). It is relayed only as far as its own level
 * allows: TLP:AMBER+STRICT (the default) stays inside NISC; TLP:RED is not relayed at all — NISC's
 * contacts are told, without any of its content, that one arrived; the sector's ministries get it at
 * TLP:AMBER or looser. A re-share is never looser than the report, and a TLP:RED report is never re-shared.
 */
class IncidentReportsHonourTheirTlpTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void aReportWithoutALevelIsAmberStrictAndStaysWithNisc() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String relay = Reports.fromEastPower(g, h.clock.instant(), Reports.fragmentary("EP-2026-0200", false));
            StatusReport s = g.awaitSettled(relay, WAIT);

            assertEquals(Tlp.AMBER_STRICT, s.notice().level());
            assertEquals(Set.of("nisc"), organisations(s), s.render(g.zone()));
            assertTrue(refusalOf(s, "meti").reason().contains("TLP:AMBER+STRICT"), s.render(g.zone()));
            assertTrue(h.smsc.received().stream().noneMatch(m -> m.destination().equals("+819000000011")), "nothing to the METI liaison");
        }
    }

    @Test
    void anAmberReportGoesToTheSectorsMinistryAndNisc() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String relay = Reports.fromEastPower(g, h.clock.instant(), Reports.fragmentary("EP-2026-0201", false) + "tlp: TLP:AMBER\n");

            assertEquals(Set.of("meti", "nisc"), organisations(g.awaitSettled(relay, WAIT)));
        }
    }

    @Test
    void aRedReportIsNotRelayedAndNiscIsToldOnlyThatOneArrived() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String relay = Reports.fromEastPower(g, h.clock.instant(), Reports.fragmentary("EP-2026-0202", false)
                    .replace("summary: 続報", "summary: KQ9-RED-CONTENT 制御系の侵害") + "tlp: TLP:RED\n");
            StatusReport s = g.awaitSettled(relay, WAIT);

            assertEquals(Set.of("nisc"), organisations(s), s.render(g.zone()));
            assertTrue(refusalOf(s, "meti").reason().contains("TLP:RED"), s.render(g.zone()));
            assertFalse(s.notice().body().contains("KQ9-RED-CONTENT"), s.notice().body());
            assertFalse(s.notice().body().contains("山田"), "not even the contact person: " + s.notice().body());
            assertFalse(s.notice().title().contains("KQ9-RED-CONTENT"), s.notice().title());
            assertTrue(s.notice().body().contains("incident show east-power/EP-2026-0202"), s.notice().body());
            assertTrue(g.incident("east-power/EP-2026-0202").reports().get(0).document().contains("KQ9-RED-CONTENT"),
                    "the report itself is kept on the gateway");
        }
    }

    @Test
    void aReshareIsNeverLooserThanTheReportAndARedReportIsNeverReshared() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            Reports.fromEastPower(g, h.clock.instant(), Reports.fragmentary("EP-2026-0203", false) + "tlp: TLP:AMBER\n");
            ReshareRefusedException looser = assertThrows(ReshareRefusedException.class,
                    () -> g.reshare().propose(request("east-power/EP-2026-0203", Optional.of(Tlp.GREEN))));
            assertTrue(looser.getMessage().contains("TLP:GREEN") && looser.getMessage().contains("TLP:AMBER"), looser.getMessage());
            assertEquals(Tlp.AMBER_STRICT, g.reshare().propose(request("east-power/EP-2026-0203", Optional.of(Tlp.AMBER_STRICT))).level(),
                    "stricter is allowed");

            Reports.fromEastPower(g, h.clock.instant(), Reports.fragmentary("EP-2026-0204", false) + "tlp: TLP:RED\n");
            for (Optional<Tlp> asked : List.of(Optional.<Tlp>empty(), Optional.of(Tlp.RED), Optional.of(Tlp.AMBER))) {
                ReshareRefusedException red = assertThrows(ReshareRefusedException.class,
                        () -> g.reshare().propose(request("east-power/EP-2026-0204", asked)), "asked " + asked);
                assertTrue(red.getMessage().contains("TLP:RED"), red.getMessage());
            }
        }
    }

    private static ReshareRequest request(String incident, Optional<Tlp> level) {
        return new ReshareRequest(incident, Optional.empty(), Grounds.THREAT, level, List.of(), false, List.of());
    }

    private static Set<String> organisations(StatusReport s) {
        return s.deliveries().stream().map(Delivery::organisationId).collect(Collectors.toSet());
    }

    private static StoredRefusal refusalOf(StatusReport s, String org) {
        return s.refusals().stream().filter(r -> r.organisationId().equals(org)).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal of " + org + ": " + s.refusals()));
    }
}
