package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ReloadReport;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.inbound.ReasonCode;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.NextGatewayKeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificates inbound signatures are verified against are the current directory's: East Power registers
 * its real certificate by a {@code directory reload} and its signed report is accepted from the next message on,
 * without a restart; a reload that takes the certificate away again quarantines the next one as UNKNOWN_SIGNER.
 */
class InboundVerificationFollowsADirectoryReloadTest {
    private static final String REGISTERED = "\n    openpgp_certificate: certs/east-power-soc.asc";
    private static final String OTHER = "\n    openpgp_certificate: certs/east-power-soc-other.asc";

    @TempDir
    Path work;

    @Test
    void aCertificateAddedByReloadIsTrustedAndOneRemovedIsNot() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Path folder = work.resolve("directory");
            // Before: East Power's desk is registered with some other certificate than the key it signs with.
            NextGatewayKeyFiles other = NextGatewayKeyFiles.generate(work.resolve("other"));
            Path directory = EditedDirectory.ofSample(folder).replace(REGISTERED, OTHER).write();
            Files.copy(other.openPgpCertificate(), folder.resolve("certs/east-power-soc-other.asc"));
            Gateway g = h.gatewayWith("gateway.directory", directory.toString());

            InboundOutcome before = report(g, h, "EP-2026-0701");
            assertEquals(InboundStatus.QUARANTINED, before.status(), before.toString());
            assertEquals(Optional.of(ReasonCode.UNKNOWN_SIGNER), before.reason());

            EditedDirectory.ofSample(folder).write();
            ReloadReport added = g.directoryReloader().reload("test");
            assertTrue(added.accepted(), added.toString());
            InboundOutcome after = report(g, h, "EP-2026-0702");
            assertEquals(InboundStatus.ACCEPTED, after.status(), "the reloaded certificate verifies: " + after);

            EditedDirectory.ofSample(folder).replace(REGISTERED, OTHER).write();
            assertTrue(g.directoryReloader().reload("test").accepted());
            InboundOutcome removed = report(g, h, "EP-2026-0703");
            assertEquals(InboundStatus.QUARANTINED, removed.status(), "the removed certificate no longer verifies: " + removed);
            assertEquals(Optional.of(ReasonCode.UNKNOWN_SIGNER), removed.reason());
        }
    }

    private static InboundOutcome report(Gateway g, GatewayHarness h, String incident) {
        return g.receive(InboundMail.pgpMime(
                new InboundMail.Envelope("soc@east-power.sample.invalid", h.clock.instant(),
                        "<" + UUID.randomUUID() + "@sample.invalid>").subject("情報連絡"),
                InboundMail.signedForGateway(InboundMail.inner("liaison: 1\ntype: incident-report\nincident: " + incident + "\n"
                        + "contact:\n  person: 山田\n  means:\n    - phone: \"+81312340001\"\n"
                        + "summary: 不審な通信\ndo_not_share: false\n"), InboundMail.pocKey("east-power-soc"), h.clock.instant())));
    }
}
