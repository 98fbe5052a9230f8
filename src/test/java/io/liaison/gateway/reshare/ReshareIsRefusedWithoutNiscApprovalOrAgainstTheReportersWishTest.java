package io.liaison.gateway.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.Main;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.GatewayHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReshareIsRefusedWithoutNiscApprovalOrAgainstTheReportersWishTest {
    private static final String INCIDENT = "east-power/EP-2026-0100";

    @TempDir
    Path work;

    @Test
    void aReportMarkedDoNotShareIsNotEvenProposed() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0100", true));

            ReshareRefusedException refused = assertThrows(ReshareRefusedException.class, () -> gateway.reshare().propose(request(Grounds.THREAT)));
            assertTrue(refused.getMessage().contains("do_not_share") && refused.getMessage().contains("reporter's wish"), refused.getMessage());
            assertThrows(ReshareRefusedException.class, () -> gateway.reshare().show("RS-0001"), "nothing was stored");
            assertEquals(List.of(), sharedNotices(gateway));
        }
    }

    @Test
    void aLaterReportAskingNotToShareStopsAnApprovalOfAnEarlierProposal() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0100", false));
            ReshareProposal proposal = gateway.reshare().propose(request(Grounds.VULNERABILITY));
            h.clock.advance(Duration.ofMinutes(30));
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0100", true));

            ReshareRefusedException refused = assertThrows(ReshareRefusedException.class,
                    () -> gateway.reshare().approve(proposal.id(), "nisc-duty"));
            assertTrue(refused.getMessage().contains("第2報 do_not_share"), refused.getMessage());
            assertEquals(ReshareProposal.State.PROPOSED, gateway.reshare().show(proposal.label()).state());
            assertEquals(List.of(), sharedNotices(gateway));
        }
    }

    @Test
    void nothingIsSentUntilANiscPointOfContactApprovesAndThenOnlyOnce() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0100", false));
            ReshareProposal proposal = gateway.reshare().propose(request(Grounds.VULNERABILITY));
            assertEquals(List.of(), sharedNotices(gateway), "a proposal sends nothing");

            for (String notNisc : List.of("meti-liaison", "power-ceptoar-duty", "east-power-soc")) {
                ReshareRefusedException refused = assertThrows(ReshareRefusedException.class,
                        () -> gateway.reshare().approve(proposal.id(), notNisc));
                assertTrue(refused.getMessage().contains("only a NISC point of contact approves"), refused.getMessage());
            }
            ReshareRefusedException unknown = assertThrows(ReshareRefusedException.class,
                    () -> gateway.reshare().approve(proposal.id(), "nisc-intern"));
            assertTrue(unknown.getMessage().contains("\"nisc-intern\" is not a point of contact"), unknown.getMessage());
            assertEquals(List.of(), sharedNotices(gateway));
            assertEquals(ReshareProposal.State.PROPOSED, gateway.reshare().show(proposal.label()).state());

            String reference = gateway.reshare().approve(proposal.id(), "nisc-duty").reference();
            StoredNotice sent = gateway.store().notice(reference).orElseThrow();
            assertEquals(NoticeKind.PROVISION, sent.kind(), "a vulnerability goes as a provision, along the normal chain");
            assertEquals("nisc-duty", sent.senderPoc());
            Set<String> reached = gateway.awaitSettled(reference, Duration.ofSeconds(30)).deliveries().stream()
                    .map(Delivery::organisationId).collect(Collectors.toSet());
            assertEquals(Set.of("meti"), reached, "NISC -> the sector's ministry liaison, who forwards it on");
            ReshareProposal shown = gateway.reshare().show(reference);
            assertEquals(Optional.of("nisc-duty"), shown.approvedBy());
            assertEquals(INCIDENT, shown.incidentKey(), "NISC finds the source from the notice's reference");
            assertTrue(!sent.body().contains("EP-2026-0100") && !sent.body().contains(INCIDENT), "the link is never in the text");

            ReshareRefusedException again = assertThrows(ReshareRefusedException.class,
                    () -> gateway.reshare().approve(proposal.id(), "nisc-duty"));
            assertTrue(again.getMessage().contains("sent as " + reference), again.getMessage());
            assertEquals(1, sharedNotices(gateway).size());
        }
    }

    @Test
    void aTlpRedReportIsNeverReshared() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0100", false) + "tlp: TLP:RED\n");

            ReshareRefusedException refused = assertThrows(ReshareRefusedException.class, () -> gateway.reshare().propose(
                    new ReshareRequest(INCIDENT, Optional.empty(), Grounds.THREAT, Optional.of(Tlp.AMBER), List.of(), false, List.of())));
            assertTrue(refused.getMessage().contains("TLP:RED"), refused.getMessage());
            ReshareRefusedException atRed = assertThrows(ReshareRefusedException.class, () -> gateway.reshare().propose(request(Grounds.THREAT)));
            assertTrue(atRed.getMessage().contains("never re-shared"), atRed.getMessage());
        }
    }

    @Test
    void theCommandLineRefusesAReshareWithoutOneOfTheTwoGrounds() {
        Run missing = run("reshare", "propose", INCIDENT);
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("--grounds"), missing.err);
        Run wrong = run("reshare", "propose", INCIDENT, "--grounds", "curiosity");
        assertEquals(2, wrong.code);
        assertTrue(wrong.err.contains("\"curiosity\" is not one of vulnerability (a hole or bug others may share), threat"), wrong.err);
        Run badId = run("reshare", "approve", "proposal-seven", "--as", "nisc-duty");
        assertEquals(2, badId.code);
        assertTrue(badId.err.contains("they look like RS-0001"), badId.err);
    }

    private static ReshareRequest request(Grounds grounds) {
        return new ReshareRequest(INCIDENT, Optional.empty(), grounds, Optional.empty(), List.of(), false, List.of());
    }

    /** Provisions and early warnings: what a re-share becomes (the relay of the report itself is another kind). */
    private static List<String> sharedNotices(Gateway gateway) {
        return gateway.store().notices().stream()
                .filter(n -> n.kind() == NoticeKind.PROVISION || n.kind() == NoticeKind.EARLY_WARNING)
                .map(StoredNotice::reference).toList();
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(previous);
        }
    }
}
