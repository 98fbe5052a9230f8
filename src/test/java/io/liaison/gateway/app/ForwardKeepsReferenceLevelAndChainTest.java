package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.openpgp.PgpMimeOpener;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.store.Hop;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardKeepsReferenceLevelAndChainTest {
    @TempDir
    Path work;

    @Test
    void liaisonForwardCarriesTheOriginalReferenceAndLevelAndIsRecorded() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.provision()).reference();
            gateway.awaitSettled(ref, Duration.ofSeconds(30));
            gateway.forward(new ForwardCommand(ref, "meti-liaison", List.of("power-ceptoar"), false));
            StatusReport report = gateway.awaitSettled(ref, Duration.ofSeconds(30));

            List<Hop> hops = report.hops();
            assertEquals(List.of("send", "forward"), hops.stream().map(Hop::action).toList());
            assertEquals("meti-liaison", hops.get(1).senderPoc());
            MimeMessage forwarded = Arrays.stream(h.mail().getReceivedMessages())
                    .filter(m -> address(m).equals("duty@power-ceptoar.sample.invalid")).findFirst().orElseThrow();
            assertEquals(ref, forwarded.getHeader("X-Liaison-Reference", null));
            assertEquals("TLP:AMBER", forwarded.getHeader("X-TLP", null));
            assertTrue(forwarded.getSubject().startsWith("[DEMO / デモ] [TLP:AMBER] [" + ref + "]"), forwarded.getSubject());

            OpenedMessage opened = new PgpMimeOpener(OpenPgpGatewayKey.load(Path.of("keys-sample/secret/power-ceptoar-duty.sec.asc"),
                    PassphraseSource.fromEnvironment("NO_SUCH_VARIABLE_FOR_AN_UNPROTECTED_KEY")))
                    .open(forwarded, OpenPgpGatewayKey.load(Path.of("keys-sample/gateway/gateway.sec.asc"),
                            PassphraseSource.fromFile(Path.of("keys-sample/gateway/passphrase.txt"))).certificate());
            String inner = new String(opened.innerEntity(), StandardCharsets.UTF_8);
            assertTrue(opened.signatureValid());
            assertTrue(inner.contains("Forwarded by / 転送元: Ministry of Economy, Trade and Industry (meti-liaison)"), inner);
            assertTrue(inner.startsWith("Content-Type") && inner.contains("TLP:AMBER（"), inner);
            assertTrue(inner.strip().endsWith("=".repeat(64)), "banner at the bottom too");
        }
    }

    @Test
    void forwardingRefusedForwardsAreStoredAndShown() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway gateway = h.gateway();
            String ref = gateway.send(Notices.earlyWarning()).reference();
            gateway.awaitSettled(ref, Duration.ofSeconds(30));
            gateway.forward(new ForwardCommand(ref, "east-power-soc", List.of("west-power"), false));

            String table = gateway.status(ref).render(gateway.zone());
            assertTrue(table.contains("west-power (forward by east-power): handling agreement"), table);
            assertTrue(table.contains("does not allow east-power to forward onward"), table);
        }
    }

    private static String address(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
