package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundSmime;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.inbound.ReasonCode;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.NextGatewayKeyFiles;
import io.liaison.gateway.testing.Notices;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key rollover, inbound, through the running gateway: from the moment the next keys are configured
 * until the old keys' retirement date, replies encrypted to the old or the new key (OpenPGP and S/MIME)
 * are opened; after it, one encrypted to the old key only is quarantined as ENCRYPTED_TO_RETIRED_KEY,
 * naming the retired key, while one encrypted to the new key is still accepted.
 */
class RolledGatewayKeyIsAcceptedInboundDuringTheOverlapAndRefusedAfterTest {
    private static final String EAST_POWER = "East Power SOC <soc@east-power.sample.invalid>";

    @TempDir
    java.nio.file.Path work;

    @Test
    void oldAndNewKeysOpenRepliesUntilRetirementThenTheOldIsRefusedByName() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            NextGatewayKeyFiles next = NextGatewayKeyFiles.generate(work.resolve("next"));
            Instant switchAt = h.clock.instant().plus(Duration.ofDays(2));
            Instant retireAt = h.clock.instant().plus(Duration.ofDays(10));
            Gateway g = h.gatewayWith(next.settings(switchAt, retireAt));
            OpenPGPCertificate oldPgp = InboundMail.gatewayCertificate();
            OpenPGPCertificate newPgp = next.key().toCertificate();
            X509Certificate oldX509 = InboundSmime.gatewayCertificate();

            // The overlap, before the switch: both keys open replies, in both formats.
            assertAccepted(g.receive(openPgpReport(h, "EP-ROLL-1", oldPgp)));
            assertAccepted(g.receive(openPgpReport(h, "EP-ROLL-2", newPgp)));
            assertAccepted(g.receive(smimeAck(h, g, oldX509, "<roll-1@mic.sample.invalid>")));
            assertAccepted(g.receive(smimeAck(h, g, next.certificate(), "<roll-2@mic.sample.invalid>")));

            // After the switch, still within the overlap: contacts that have not yet imported the new key are read.
            h.clock.advance(Duration.ofDays(5));
            assertAccepted(g.receive(openPgpReport(h, "EP-ROLL-3", oldPgp)));
            assertAccepted(g.receive(smimeAck(h, g, oldX509, "<roll-3@mic.sample.invalid>")));

            // Retired: the old key is refused by name, the new one still opens.
            h.clock.advance(Duration.ofDays(6));
            InboundOutcome oldOpenPgp = g.receive(openPgpReport(h, "EP-ROLL-4", oldPgp));
            assertEquals(InboundStatus.QUARANTINED, oldOpenPgp.status(), oldOpenPgp.toString());
            assertEquals(Optional.of(ReasonCode.ENCRYPTED_TO_RETIRED_KEY), oldOpenPgp.reason(), oldOpenPgp.toString());
            assertTrue(oldOpenPgp.toString().contains(new io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate(oldPgp).fingerprint()),
                    "the detail names the retired key: " + oldOpenPgp);
            InboundOutcome oldSmime = g.receive(smimeAck(h, g, oldX509, "<roll-4@mic.sample.invalid>"));
            assertEquals(InboundStatus.QUARANTINED, oldSmime.status(), oldSmime.toString());
            assertEquals(Optional.of(ReasonCode.ENCRYPTED_TO_RETIRED_KEY), oldSmime.reason(), oldSmime.toString());
            assertAccepted(g.receive(openPgpReport(h, "EP-ROLL-5", newPgp)));
            assertAccepted(g.receive(smimeAck(h, g, next.certificate(), "<roll-5@mic.sample.invalid>")));
        }
    }

    private static void assertAccepted(InboundOutcome outcome) {
        assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
    }

    /** An incident report by east-power-soc, signed with its key and encrypted to {@code gatewayKey} only. */
    private static byte[] openPgpReport(GatewayHarness h, String incident, OpenPGPCertificate gatewayKey) {
        Instant at = h.clock.instant();
        byte[] packets = InboundMail.signedPackets(InboundMail.inner(InboundMail.fullReport(incident)),
                InboundMail.pocKey("east-power-soc"), at);
        return InboundMail.pgpMime(new InboundMail.Envelope(EAST_POWER, at, "<" + incident + "@east-power.sample.invalid>")
                .subject("[TLP:AMBER] 情報連絡 第1報"), InboundMail.encrypt(packets, List.of(gatewayKey), at));
    }

    /** An acknowledgement of a fresh notice by mic-liaison, S/MIME, enveloped for {@code gatewayCertificate} only. */
    private static byte[] smimeAck(GatewayHarness h, Gateway g, X509Certificate gatewayCertificate, String messageId) {
        String reference = g.send(Notices.of("to-mic.yaml", """
                kind: provision
                level: TLP:AMBER
                from: nisc-duty
                title: 通信設備の脆弱性 / A vulnerability in carrier equipment
                body: Details follow.
                target:
                  organisations: [mic]
                """)).reference();
        Instant at = h.clock.instant();
        byte[] signed = InboundSmime.signedDetached(InboundMail.inner(InboundMail.ack(reference)), InboundSmime.pocSigner("mic-liaison"), at);
        return InboundSmime.envelopedMail(new InboundMail.Envelope(InboundSmime.MIC, at, messageId),
                InboundSmime.envelope(signed, gatewayCertificate, true), true);
    }
}
