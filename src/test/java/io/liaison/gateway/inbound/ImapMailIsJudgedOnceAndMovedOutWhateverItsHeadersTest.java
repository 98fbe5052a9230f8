package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.MutableClock;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IMAP route against GreenMail with mail whose headers are hostile or unreadable: each message is
 * judged once and ends in the processed folder, whatever its headers say or fail to say; the inbox is
 * empty after the poll. Headers that camel-mail would read as commands (copyTo, moveTo, delete, Camel*)
 * steer nothing.
 */
class ImapMailIsJudgedOnceAndMovedOutWhateverItsHeadersTest {
    private static final String DATE = "Date: Mon, 1 Jun 2026 09:00:00 +0900\r\n";

    @TempDir
    Path work;

    private GreenMail mail;
    private int imap;
    private InProcessSmsc smsc;
    private int smtp;
    private final MutableClock clock = MutableClock.sampleDay();

    @BeforeEach
    void startPeers() throws Exception {
        smtp = GatewayHarness.freePort();
        imap = GatewayHarness.freePort();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("gateway@nisc.sample.invalid", "gateway", "imap-secret")
                        .withDisabledAuthentication());
        mail.start();
        smsc = InProcessSmsc.onFreePort().start();
    }

    @AfterEach
    void stopPeers() throws Exception {
        smsc.close();
        mail.stop();
    }

    @Test
    void mailWhoseFromTheParserCannotReadIsQuarantinedOnceAndMovedOut() throws Exception {
        deliver(plain("From: soc@east-p\u043ewer.sample.invalid\r\n", "<homoglyph@east-power.sample.invalid>"),
                plain("From: \"unclosed <soc@@east-power..sample.invalid\r\n", "<broken-from@east-power.sample.invalid>"),
                plain("From: =?x-no-such-charset?Q?soc?= <soc@east-power.sample.invalid>\r\n"
                        + "Subject: =?x-no-such-charset?B?////?=\r\n", "<bad-charset@east-power.sample.invalid>"),
                // A multipart without its boundary: reading its content (as camel-mail does for its headers) fails.
                ("From: soc@east-power.sample.invalid\r\n" + DATE + "Message-ID: <no-boundary@east-power.sample.invalid>\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno parts here\r\n")
                        .getBytes(StandardCharsets.UTF_8));

        try (Gateway gateway = start()) {
            List<StoredInbound> judged = judged(gateway, 4);
            assertTrue(judged.stream().allMatch(m -> m.status() == InboundStatus.QUARANTINED), judged.toString());
            Await.until(() -> count("INBOX"), n -> n == 0, Duration.ofSeconds(30), "inbox emptied");
            assertEquals(4, count("Processed"), "every message in the processed folder, once");
            assertTrue(gateway.inboundStore().recent(10).stream().allMatch(m -> m.timesSeen() == 1),
                    "each fetched and judged once: " + gateway.inboundStore().recent(10));
        }
    }

    @Test
    void controlHeadersCarriedByTheMailSteerNothing() throws Exception {
        deliver(plain("From: soc@east-power.sample.invalid\r\n"
                + "copyTo: INBOX\r\n"
                + "moveTo: Elsewhere\r\n"
                + "delete: true\r\n"
                + "CamelMailCopyTo: INBOX\r\n"
                + "CamelBeanMethodName: receiveRaw\r\n"
                + "CamelHttpUri: http://127.0.0.1:9/\r\n", "<steering@east-power.sample.invalid>"));

        try (Gateway gateway = start()) {
            List<StoredInbound> judged = judged(gateway, 1);
            assertEquals(InboundStatus.QUARANTINED, judged.get(0).status(), "judged like any unsigned mail");
            assertEquals("imap", judged.get(0).source(), "taken by the intake's IMAP door, not another method");
            Await.until(() -> count("INBOX"), n -> n == 0, Duration.ofSeconds(30), "inbox emptied");
            assertEquals(1, count("Processed"), "moved to the configured folder, not copied");
            assertEquals(-1, count("Elsewhere"), "the mail's own moveTo is ignored");
            assertEquals(1, gateway.inboundStore().recent(10).get(0).timesSeen(), "fetched once, never copied back in");
        }
    }

    @Test
    void anOversizedMailIsReadOnlyUpToTheLimitStoredCutQuarantinedAndMovedOut() throws Exception {
        String filler = "0123456789abcdef".repeat(64) + "\r\n"; // 1 KiB lines
        byte[] big = plain("From: soc@east-power.sample.invalid\r\n", "<big@east-power.sample.invalid>", filler.repeat(200));
        deliver(big);

        try (Gateway gateway = start("gateway.inbound.max-message-bytes", "20000", "gateway.inbound.max-part-bytes", "10000")) {
            StoredInbound judged = judged(gateway, 1).get(0);
            assertEquals(ReasonCode.OVERSIZED_MESSAGE, judged.reasonCode().orElseThrow());
            assertEquals(20000, gateway.inboundStore().raw(judged.id()).orElseThrow().length, "only the limit's worth kept");
            assertTrue(judged.rawSize() >= big.length, "the real size recorded (as the server declares it): " + judged.rawSize());
            Await.until(() -> count("INBOX"), n -> n == 0, Duration.ofSeconds(30), "inbox emptied");
            assertEquals(1, count("Processed"));
        }
    }

    private Gateway start(String... settings) throws Exception {
        Properties p = GatewayHarness.overrides(work, smtp, smsc.port());
        for (int i = 0; i < settings.length; i += 2) {
            p.setProperty(settings[i], settings[i + 1]);
        }
        p.setProperty("gateway.imap.enabled", "true");
        p.setProperty("gateway.imap.protocol", "imap"); // GreenMail's plain IMAP, in-process
        p.setProperty("gateway.imap.allow-plaintext-credentials", "true");
        p.setProperty("gateway.imap.host", "127.0.0.1");
        p.setProperty("gateway.imap.port", String.valueOf(imap));
        p.setProperty("gateway.imap.password-env", "LIAISON_TEST_IMAP_PASSWORD_UNSET");
        p.setProperty("gateway.imap.poll-delay-ms", "200");
        return Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(clock).start();
    }

    private static List<StoredInbound> judged(Gateway gateway, int n) {
        return Await.until(() -> gateway.inboundStore().recent(10),
                l -> l.size() == n && l.stream().allMatch(m -> m.status() != InboundStatus.RECEIVED), Duration.ofSeconds(30),
                n + " messages stored and judged");
    }

    private static byte[] plain(String headers, String messageId) {
        return plain(headers, messageId, "hello\r\n");
    }

    private static byte[] plain(String headers, String messageId, String body) {
        return (headers + "To: gateway@nisc.sample.invalid\r\n" + DATE + "Message-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private void deliver(byte[]... raws) throws Exception {
        GreenMailUser user = mail.getUserManager().getUserByEmail("gateway@nisc.sample.invalid");
        Session session = Session.getInstance(new Properties());
        for (byte[] raw : raws) {
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
        }
    }

    private int count(String folder) {
        return ImapFolders.count(imap, folder);
    }
}
