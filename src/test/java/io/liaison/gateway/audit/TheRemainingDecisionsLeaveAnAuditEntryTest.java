package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.interfaces.cli.AuditCommand;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.policy.ForwardRefusedException;
import io.liaison.gateway.reshare.Grounds;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareRequest;
import io.liaison.gateway.store.ApiTokenScope;
import io.liaison.gateway.store.jdbc.JdbcApiTokenStore;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The kinds {@link EveryDecisionLeavesAnAuditEntryTest} does not reach, each produced by the step that should
 * produce it and checked by name on one gateway's trail: an incident report accepted from a point of contact
 * (inbound.accepted, incident.filed), a re-share proposed and approved through the application layer
 * (action.performed, reshare.proposed, reshare.approved), a forward refused whole (forward.refused), an update
 * of a forwarded notice relayed along the forwarder's hop (notice.relayed), an API
 * token issued and revoked (token.created, token.revoked) and {@code audit export} (audit.exported). key.rolled,
 * key.announced and directory.reloaded have tests of their own (KeyRolledIsRecordedOnce…, KeyAnnouncement…,
 * DirectoryReloadTakesEffectWithoutRestartTest); {@link EveryKindTheCodeAppendsIsNamedInATestTest} keeps the
 * list complete.
 */
class TheRemainingDecisionsLeaveAnAuditEntryTest {
    @TempDir
    Path work;

    @Test
    void eachRemainingKindIsRecordedByTheStepThatMakesIt() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            Application app = g.application();

            InboundOutcome report = g.receive(InboundMail.pgpMime(
                    new InboundMail.Envelope("soc@east-power.sample.invalid", h.clock.instant(),
                            "<" + UUID.randomUUID() + "@sample.invalid>").subject("情報連絡"),
                    InboundMail.signedForGateway(InboundMail.inner("liaison: 1\ntype: incident-report\nincident: EP-2026-0500\n"
                            + "contact:\n  person: 山田\n  means:\n    - phone: \"+81312340001\"\n"
                            + "summary: 不審な通信\ndo_not_share: false\n"), InboundMail.pocKey("east-power-soc"), h.clock.instant())));
            assertEquals(InboundStatus.ACCEPTED, report.status(), report.toString());
            assertOne(g, AuditAction.INBOUND_ACCEPTED);
            assertOne(g, AuditAction.INCIDENT_FILED);

            Actor sato = app.actors().resolveLocal("sato");
            ReshareProposal proposal = app.proposeReshare().propose(sato, new ReshareRequest("east-power/EP-2026-0500",
                    Optional.empty(), Grounds.VULNERABILITY, Optional.empty(), List.of(), false, List.of()));
            assertOne(g, AuditAction.RESHARE_PROPOSED);
            assertTrue(entries(g, AuditAction.ACTION_PERFORMED).stream()
                    .anyMatch(e -> e.who().person().equals(Optional.of("sato"))), "the use case is audited with its person");
            String reshared = app.approveReshare().approve(app.actors().resolveLocal("kimura"), proposal.label()).reference();
            assertEquals(reshared, assertOne(g, AuditAction.RESHARE_APPROVED).reference().orElseThrow());

            assertThrows(ForwardRefusedException.class,
                    () -> g.forward(new ForwardCommand("NISC-0000-9999", "meti-liaison", List.of("power-ceptoar"), false)));
            assertTrue(assertOne(g, AuditAction.FORWARD_REFUSED).details().get("reason").contains("NISC-0000-9999"));

            // an update of a forwarded notice takes the same road: the forwarder's hop is relayed again
            String provision = g.send(Notices.provision()).reference();
            g.awaitSettled(provision, Duration.ofSeconds(30));
            g.forward(new ForwardCommand(provision, "meti-liaison", List.of("power-ceptoar"), false));
            g.awaitSettled(provision, Duration.ofSeconds(30));
            String update = g.send(Notices.of("update.yaml", """
                    kind: update
                    references: %s
                    level: TLP:AMBER
                    from: nisc-duty
                    title: 修正版の提供元URLを訂正 / Corrected download location
                    body: The fixed version is published at the vendor's support portal.
                    """.formatted(provision))).reference();
            AuditEntry relayed = assertOne(g, AuditAction.NOTICE_RELAYED);
            assertEquals(update, relayed.reference().orElseThrow());
            assertEquals("meti-liaison", relayed.who().pocId());

            ApiTokens tokens = new ApiTokens(new JdbcApiTokenStore(g.dataSource()), app.actors(), g.audit(), h.clock);
            ApiTokens.Issued issued = tokens.issue(sato, "nisc-duty", Optional.empty(), ApiTokenScope.READ, Duration.ofDays(30),
                    "audit test");
            AuditEntry created = assertOne(g, AuditAction.TOKEN_CREATED);
            assertTrue(tokens.revoke(sato, issued.token().id()));
            assertEquals(issued.token().id(), assertOne(g, AuditAction.TOKEN_REVOKED).details().get("token"));
            entries(g, AuditAction.TOKEN_CREATED).forEach(e -> assertTrue(!AuditChain.line(e).contains(issued.text()),
                    "the token itself is never in the trail: " + created));

            h.stopGateway();
            Properties settings = h.overrides();
            Path config = work.resolve("gateway.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                settings.store(out, null);
            }
            int exit = new CommandLine(new AuditCommand()).execute("export", "--config", config.toString(),
                    work.resolve("audit.jsonl").toString());
            assertEquals(0, exit);
            assertTrue(Files.readString(work.resolve("audit.jsonl")).contains("audit.exported"),
                    "the export shows its own entry");
            // the export ends on a head signed with the gateway key, found through the gateway's own key lookup
            long entries = Files.readAllLines(work.resolve("audit.jsonl")).stream().filter(l -> !l.isBlank()).count();
            List<String> checkpoints = Files.readAllLines(AuditExport.checkpointsOf(work.resolve("audit.jsonl"))).stream()
                    .filter(l -> l.startsWith("checkpoint ")).toList();
            assertEquals(Long.toString(entries), checkpoints.get(checkpoints.size() - 1).split(" ")[1],
                    "the last checkpoint covers the whole export: " + checkpoints);
        }
    }

    private static AuditEntry assertOne(Gateway g, AuditAction kind) {
        List<AuditEntry> found = entries(g, kind);
        assertEquals(1, found.size(), kind.verb() + ": " + found);
        return found.get(0);
    }

    private static List<AuditEntry> entries(Gateway g, AuditAction kind) {
        return g.audit().read(Optional.empty(), Optional.empty()).stream().filter(e -> e.action().equals(kind.verb())).toList();
    }
}
