package io.liaison.gateway.application;

import static io.liaison.gateway.application.OperatorNeverSeesANoticeItsOrganisationDidNotReceiveTest.failAfterTheFact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.audit.ChainVerdict;
import io.liaison.gateway.audit.ChainVerifier;
import io.liaison.gateway.audit.OpenPgpCheckpoints;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.jdbc.JdbcAuditLog;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resend is a decision someone took: each delivery asked for leaves one {@code delivery.resent} entry naming
 * the person, the delivery, its point of contact and channel, and what the gateway did — "requeued", or
 * "not-resent" with the gate's reason — and the chain still verifies.
 */
class ResendLeavesOneAuditEntryPerDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void eachResentDeliveryAndEachRefusalIsInTheTrailUnderThePersonWhoAsked() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            Application app = gateway.application();
            Actor sato = app.actors().resolveLocal("sato");
            String ref = app.sendNotice().send(sato, Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, WAIT);
            List<Delivery> toEast = gateway.store().deliveries(ref).stream().filter(d -> d.organisationId().equals("east-power")).toList();
            assertTrue(toEast.size() >= 2, "East Power gets e-mail and SMS: " + toEast);
            Delivery first = toEast.get(0);

            failAfterTheFact(gateway, first.id());
            app.resendDelivery().resend(sato, first.id());
            List<AuditEntry> one = resent(gateway, ref);
            assertEquals(1, one.size(), one.toString());
            AuditEntry e = one.get(0);
            assertEquals(Optional.of("sato"), e.who().person());
            assertEquals(String.valueOf(first.id()), e.details().get("delivery"));
            assertEquals(first.pocId(), e.details().get("poc"));
            assertEquals(first.channel().yamlName(), e.details().get("channel"));
            assertEquals("requeued", e.details().get("outcome"));
            gateway.awaitSettled(ref, WAIT);

            toEast.forEach(d -> fail(gateway, d));
            ResendOutcome all = app.resendDelivery().resendAllFailed(sato, ref);
            assertEquals(toEast.size(), all.requeued().size(), all.toString());
            List<AuditEntry> afterAll = resent(gateway, ref);
            assertEquals(1 + toEast.size(), afterAll.size(), "one entry per delivery, not one per request: " + afterAll);
            assertEquals(toEast.stream().map(d -> String.valueOf(d.id())).collect(Collectors.toSet()),
                    afterAll.subList(1, afterAll.size()).stream().map(x -> x.details().get("delivery")).collect(Collectors.toSet()));
            gateway.awaitSettled(ref, WAIT);

            // NISC's agreement with East Power has ended: the gate keeps the delivery back, and the trail says why.
            fail(gateway, first);
            h.clock.advance(Duration.ofDays(800));
            ResendOutcome refused = app.resendDelivery().resendAllFailed(sato, ref);
            assertTrue(refused.requeued().isEmpty(), refused.toString());
            AuditEntry last = resent(gateway, ref).get(resent(gateway, ref).size() - 1);
            assertEquals("not-resent", last.details().get("outcome"));
            assertEquals(String.valueOf(first.id()), last.details().get("delivery"));
            assertTrue(last.details().getOrDefault("reason", "").contains("HA-NISC-EASTPOWER-2025"), last.details().toString());
            assertEquals(Set.of("FAILED"), Set.of(gateway.store().delivery(first.id()).orElseThrow().state().name()));

            ChainVerdict verdict = ((JdbcAuditLog) gateway.audit()).verify(new ChainVerifier(
                    OpenPgpCheckpoints.verifier(List.of(gateway.keys().openPgp().current().certificate()))));
            assertTrue(verdict.intact(), verdict.problems().toString());
        }
    }

    private static void fail(Gateway gateway, Delivery d) {
        try {
            failAfterTheFact(gateway, d.id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AuditEntry> resent(Gateway gateway, String ref) {
        return gateway.audit().trail(ref).stream().filter(e -> e.action().equals(AuditAction.DELIVERY_RESENT.verb())).toList();
    }
}
