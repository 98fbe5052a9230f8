package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.store.Hop;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CEPTOAR → council → member CEPTOARs → their operators, each hop gated by its own agreement. */
class CouncilRelayRespectsAgreementsAtEveryHopTest {
    @TempDir
    Path work;

    @Test
    void crossSectorNoticeTravelsThroughTheCouncilUnderEachHopsAgreement() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String ref = g.send(Notices.of("cross-sector.yaml", """
                    kind: provision
                    level: TLP:AMBER
                    from: power-ceptoar-duty
                    title: 停電時の通信設備の非常用電源について / Backup power of telecom sites during outages
                    body: Several base stations lost backup power after 3 hours in last week's outage.
                    target:
                      sectors: [electric-power, information-communications]
                      organisations: [council]
                    """)).reference();
            assertTrue(ref.startsWith("POWER-CEPTOAR-PR3-"), ref);
            g.awaitSettled(ref, Duration.ofSeconds(30));

            g.forward(new ForwardCommand(ref, "council-secretariat", List.of(), true));
            g.awaitSettled(ref, Duration.ofSeconds(30));
            g.forward(new ForwardCommand(ref, "telecom-ceptoar-duty", List.of(), true));
            StatusReport report = g.awaitSettled(ref, Duration.ofSeconds(30));

            assertEquals(List.of("power-ceptoar", "council", "telecom-ceptoar"),
                    report.hops().stream().map(Hop::senderOrg).toList(), "the chain is recorded");
            Set<String> reached = report.deliveries().stream().map(d -> d.organisationId()).collect(Collectors.toSet());
            assertEquals(Set.of("council", "telecom-ceptoar", "telecom-a"), reached);
            assertTrue(report.refusals().stream().anyMatch(r -> r.organisationId().equals("power-ceptoar")
                    && r.reason().contains("already received")), "the originating CEPTOAR is not sent its own notice");
        }
    }

    @Test
    void aCeptoarCannotAddressAnotherSectorsOperatorsDirectly() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String ref = g.send(Notices.of("sideways.yaml", """
                    kind: provision
                    level: TLP:GREEN
                    from: power-ceptoar-duty
                    title: t
                    body: b
                    target:
                      organisations: [telecom-a]
                    """)).reference();
            StatusReport report = g.awaitSettled(ref, Duration.ofSeconds(30));

            assertTrue(report.deliveries().isEmpty());
            assertTrue(report.refusals().get(0).reason().contains("telecom-a is not among the organisations power-ceptoar sends notices to"),
                    report.refusals().get(0).reason());
        }
    }
}
