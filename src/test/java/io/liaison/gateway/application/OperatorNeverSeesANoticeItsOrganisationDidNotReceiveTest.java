package io.liaison.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The early warning to the electric-power sector reaches East Power, not West Power (no agreement).
 * West Power's SOC is told "not found" for it — exactly as for a reference that does not exist — and
 * East Power's SOC sees the notice with its own deliveries only. The store query takes the organisation.
 */
class OperatorNeverSeesANoticeItsOrganisationDidNotReceiveTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void anotherOrganisationsNoticeIsNotFoundAndARecipientSeesOnlyItsOwnDeliveries() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Application app = gateway.application();
            Actor sato = app.actors().resolveLocal("sato");
            Actor westSoc = app.actors().resolveLocal("kobayashi");
            Actor eastSoc = app.actors().resolveLocal("nakamura");
            String ref = app.sendNotice().send(sato, Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);

            ActionRefusedException hidden = assertThrows(ActionRefusedException.class, () -> app.noticeStatus().status(westSoc, ref));
            ActionRefusedException absent = assertThrows(ActionRefusedException.class,
                    () -> app.noticeStatus().status(westSoc, "NISC-EW-2099-99999"));
            assertEquals(Verdict.NOT_FOUND, hidden.verdict());
            assertEquals(Verdict.NOT_FOUND, absent.verdict());
            assertEquals(hidden.getMessage().replace(ref, "X"), absent.getMessage().replace("NISC-EW-2099-99999", "X"),
                    "a notice not received reads exactly as one that does not exist");
            assertEquals(Verdict.NOT_FOUND, assertThrows(ActionRefusedException.class,
                    () -> app.confirmNotice().confirm(westSoc, ref, Optional.empty(), Optional.empty())).verdict());
            assertEquals(Verdict.FORBIDDEN, assertThrows(ActionRefusedException.class,
                    () -> app.forwardNotice().forward(westSoc, ref, List.of("east-power"), false)).verdict());
            assertFalse(app.noticeStatus().inbox(westSoc).stream().anyMatch(n -> n.reference().equals(ref)));

            StatusReport east = app.noticeStatus().status(eastSoc, ref);
            assertFalse(east.deliveries().isEmpty());
            assertTrue(east.deliveries().stream().allMatch(d -> d.organisationId().equals("east-power")), east.deliveries().toString());
            assertTrue(gateway.status(ref).deliveries().stream().anyMatch(d -> !d.organisationId().equals("east-power")),
                    "the notice did go to others, whom East Power does not see");
            assertTrue(app.noticeStatus().inbox(eastSoc).stream().anyMatch(n -> n.reference().equals(ref)));

            assertTrue(gateway.audit().read(Optional.empty(), Optional.empty()).stream()
                    .anyMatch(e -> e.action().equals(AuditAction.ACTION_REFUSED.verb()) && e.reference().equals(Optional.of(ref))
                            && e.who().person().equals(Optional.of("kobayashi")) && "NOT_FOUND".equals(e.details().get("verdict"))),
                    "the refusal is in the audit trail with the reference the actor was not shown");
        }
    }

    @Test
    void aResentDeliveryGoesThroughTheSameGateAgain() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Application app = gateway.application();
            Actor sato = app.actors().resolveLocal("sato");
            String ref = app.sendNotice().send(sato, Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            Delivery toEast = gateway.store().deliveries(ref).stream().filter(d -> d.organisationId().equals("east-power"))
                    .findFirst().orElseThrow();
            failAfterTheFact(gateway, toEast.id());

            assertEquals(Verdict.FORBIDDEN, assertThrows(ActionRefusedException.class,
                    () -> app.resendDelivery().resend(app.actors().resolveLocal("nakamura"), toEast.id())).verdict());
            ResendOutcome resent = app.resendDelivery().resend(sato, toEast.id());
            assertEquals(List.of(toEast.id()), resent.requeued());
            gateway.awaitSettled(ref, WAIT);
            assertEquals("SENT", gateway.store().delivery(toEast.id()).orElseThrow().state().name());

            // After NISC's agreement with East Power has ended, the same resend is refused by the gate, with its reason.
            failAfterTheFact(gateway, toEast.id());
            h.clock.advance(Duration.ofDays(800));
            ResendOutcome refused = app.resendDelivery().resendAllFailed(sato, ref);
            assertTrue(refused.requeued().isEmpty(), refused.toString());
            assertTrue(refused.notResent().stream().anyMatch(n -> n.deliveryId() == toEast.id()
                    && n.reason().contains("HA-NISC-EASTPOWER-2025")), refused.toString());
            assertEquals("FAILED", gateway.store().delivery(toEast.id()).orElseThrow().state().name());
        }
    }

    /**
     * A delivery the relay bounced after accepting it (a 550 by a later hop): the store only lets the node
     * that holds a claim fail it, so the test writes the outcome the way such a bounce would be recorded.
     */
    static void failAfterTheFact(Gateway gateway, long deliveryId) throws java.sql.SQLException {
        try (java.sql.Connection c = gateway.dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "UPDATE delivery SET state = 'FAILED', last_error = '550 mailbox unavailable (test)', claimed_by = NULL,"
                             + " claim_expires_at = NULL, next_attempt_at = NULL WHERE id = ?")) {
            ps.setLong(1, deliveryId);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
