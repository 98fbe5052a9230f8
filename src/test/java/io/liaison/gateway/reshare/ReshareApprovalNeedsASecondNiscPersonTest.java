package io.liaison.gateway.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.application.ActionRefusedException;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.ReshareApproved;
import io.liaison.gateway.application.Verdict;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four eyes through the application layer: the duty officer who proposed a re-share cannot approve it;
 * the duty officer's role does not approve at all; the NISC approver — another person — does, and the
 * proposal records who proposed it. Each refusal is an audit entry naming the person.
 */
class ReshareApprovalNeedsASecondNiscPersonTest {
    @TempDir
    Path work;

    @Test
    void theProposerCannotApproveAndTheApproverWhoDidNotProposeCan() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Application app = gateway.application();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0100", false));
            Actor sato = app.actors().resolveLocal("sato");       // NISC duty officer
            Actor kimura = app.actors().resolveLocal("kimura");   // NISC approver

            ReshareProposal proposal = app.proposeReshare().propose(sato, new ReshareRequest("east-power/EP-2026-0100",
                    Optional.empty(), Grounds.VULNERABILITY, Optional.empty(), List.of(), false, List.of()));
            assertEquals(Optional.of("sato"), gateway.reshare().show(proposal.label()).proposedBy());

            ActionRefusedException dutyOfficer = assertThrows(ActionRefusedException.class,
                    () -> app.approveReshare().approve(sato, proposal.label()));
            assertEquals(Verdict.FORBIDDEN, dutyOfficer.verdict(), "a duty officer does not approve");
            ActionRefusedException approverCannotPropose = assertThrows(ActionRefusedException.class,
                    () -> app.proposeReshare().propose(kimura, new ReshareRequest("east-power/EP-2026-0100",
                            Optional.empty(), Grounds.VULNERABILITY, Optional.empty(), List.of(), false, List.of())));
            assertEquals(Verdict.FORBIDDEN, approverCannotPropose.verdict());
            assertEquals(ReshareProposal.State.PROPOSED, gateway.reshare().show(proposal.label()).state(), "nothing sent yet");

            ReshareApproved approved = app.approveReshare().approve(kimura, proposal.label());
            assertEquals(ReshareProposal.State.SENT, gateway.reshare().show(proposal.label()).state());
            assertTrue(approved.reference().startsWith("NISC-"), approved.reference());

            List<AuditEntry> refusals = gateway.audit().read(Optional.empty(), Optional.empty()).stream()
                    .filter(e -> e.action().equals(AuditAction.ACTION_REFUSED.verb())).toList();
            assertTrue(refusals.stream().anyMatch(e -> e.who().person().equals(Optional.of("sato"))
                    && "approve-reshare".equals(e.details().get("action"))), refusals.toString());
        }
    }

    @Test
    void anApproverIsRefusedAProposalRecordedAsTheirOwn() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Application app = gateway.application();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.fragmentary("EP-2026-0100", false));
            // The table already keeps approvers from proposing; the proposer check stands on its own should a
            // proposal reach the store under an approver's name (an import, a changed table).
            ReshareProposal proposal = gateway.reshare().propose(new ReshareRequest("east-power/EP-2026-0100",
                    Optional.empty(), Grounds.VULNERABILITY, Optional.empty(), List.of(), false, List.of()), Optional.of("kimura"));
            Actor kimura = app.actors().resolveLocal("kimura");

            ActionRefusedException refused = assertThrows(ActionRefusedException.class,
                    () -> app.approveReshare().approve(kimura, proposal.label()));

            assertEquals(Verdict.FORBIDDEN, refused.verdict());
            assertTrue(refused.getMessage().contains("four eyes"), refused.getMessage());
            assertEquals(ReshareProposal.State.PROPOSED, gateway.reshare().show(proposal.label()).state());
        }
    }
}
