package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundSmime;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway started from its settings opens S/MIME replies with the S/MIME key it sends with, through the intake route. */
class GatewayOpensSmimeRepliesWithItsSmimeKeyTest {
    @TempDir
    Path work;

    @Test
    void smimeAcknowledgementFromTheMicLiaisonIsRecorded() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            String ref = g.send(Notices.of("to-mic.yaml", """
                    kind: provision
                    level: TLP:AMBER
                    from: nisc-duty
                    title: 通信設備の脆弱性 / A vulnerability in carrier equipment
                    body: Details follow.
                    target:
                      organisations: [mic]
                    """)).reference();

            InboundOutcome outcome = g.receive(InboundSmime.reply(
                    new InboundMail.Envelope(InboundSmime.MIC, h.clock.instant(), "<gateway-ack@mic.sample.invalid>"),
                    InboundMail.inner(InboundMail.ack(ref)), InboundSmime.pocSigner("mic-liaison"), h.clock.instant()));

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            var report = g.status(ref);
            assertTrue(report.confirmedOrganisations().containsKey("mic"), report.render(g.zone()));
        }
    }
}
