package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.peers.InProcessSmsc;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IMAP route against GreenMail: every message is stored and judged, then moved out of the inbox. */
class ImapIntakeStoresJudgesAndMovesMailTest {
    @TempDir
    Path work;

    @Test
    void goodAndBadMailAreStoredJudgedAndMovedToProcessed() throws Exception {
        int smtp = GatewayHarness.freePort();
        int imap = GatewayHarness.freePort();
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("gateway@nisc.sample.invalid", "gateway", "imap-secret")
                        // The gateway reads its IMAP password from an environment variable a test cannot set.
                        .withDisabledAuthentication());
        mail.start();
        MutableClock clock = MutableClock.sampleDay();
        try (InProcessSmsc smsc = InProcessSmsc.onFreePort().start()) {
            GreenMailUser user = mail.getUserManager().getUserByEmail("gateway@nisc.sample.invalid");
            Session session = Session.getInstance(new Properties());
            byte[] good = InboundMail.pgpMime(new InboundMail.Envelope("soc@east-power.sample.invalid", clock.instant(),
                    "<imap-report@east-power.sample.invalid>"), InboundMail.signedForGateway(
                    InboundMail.inner(InboundMail.fragmentaryReport("EP-IMAP-1")), InboundMail.pocKey("east-power-soc"), clock.instant()));
            for (byte[] raw : List.of(good, read("02-plain-text.eml"), read("11-unsigned.eml"), read("01-garbage.eml"))) {
                user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
            }

            Properties p = GatewayHarness.overrides(work, smtp, smsc.port());
            p.setProperty("gateway.imap.enabled", "true");
            p.setProperty("gateway.imap.protocol", "imap"); // GreenMail's plain IMAP, in-process
            p.setProperty("gateway.imap.allow-plaintext-credentials", "true");
            p.setProperty("gateway.imap.host", "127.0.0.1");
            p.setProperty("gateway.imap.port", String.valueOf(imap));
            p.setProperty("gateway.imap.password-env", "LIAISON_TEST_IMAP_PASSWORD_UNSET");
            p.setProperty("gateway.imap.poll-delay-ms", "200");
            try (Gateway gateway = Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(clock).start()) {
                List<StoredInbound> judged = Await.until(() -> gateway.inboundStore().recent(10),
                        l -> l.size() == 4 && l.stream().allMatch(m -> m.status() != InboundStatus.RECEIVED), Duration.ofSeconds(30),
                        "four messages stored and judged");
                assertEquals(1, judged.stream().filter(m -> m.status() == InboundStatus.ACCEPTED).count(), judged.toString());
                assertEquals(3, judged.stream().filter(m -> m.status() == InboundStatus.QUARANTINED).count());
                assertTrue(judged.stream().allMatch(m -> m.source().equals("imap")));
                assertEquals(1, gateway.incident("east-power/EP-IMAP-1").reports().size());

                Await.until(() -> count(imap, "INBOX"), n -> n == 0, Duration.ofSeconds(30), "inbox emptied");
                assertEquals(4, count(imap, "Processed"), "kept on the server, in the processed folder");
            }
        } finally {
            mail.stop();
        }
    }

    private static byte[] read(String corpusFile) throws Exception {
        return Files.readAllBytes(BadInboundMessagesAreQuarantinedTest.CORPUS.resolve(corpusFile));
    }

    private static int count(int port, String folder) {
        return ImapFolders.count(port, folder);
    }
}
