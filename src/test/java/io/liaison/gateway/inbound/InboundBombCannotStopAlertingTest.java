package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.Await;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 1 of issue 12, end to end: an unsigned e-mail of a few KB, encrypted to the gateway's public
 * certificate, whose compressed packet expands to almost 4 GiB, arrives over IMAP. The intake stops reading at
 * gateway.inbound.max-decompressed-bytes and quarantines it as a decompression bomb, the mail leaves the
 * inbox, and an urgent early warning sent after it reaches its recipient on e-mail, SMS and fax.
 */
class InboundBombCannotStopAlertingTest {
    /** 4 GiB less 1 MiB: more than a Java array holds, so reading it whole can only end in OutOfMemoryError. */
    private static final int EXPANDED_MIB = 4095;
    private static final String FAX = "+81312340051";
    private static final String SOC = "soc@east-power.sample.invalid";

    @TempDir
    Path work;

    @Test
    void aFourGibBombIsQuarantinedAndTheEarlyWarningAfterItReachesEveryChannel() throws Exception {
        int smtp = GatewayHarness.freePort();
        int imap = GatewayHarness.freePort();
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(InboundMail.GATEWAY_ADDRESS, "gateway", "imap-secret")
                        // The gateway reads its IMAP password from an environment variable a test cannot set.
                        .withDisabledAuthentication());
        mail.start();
        MutableClock clock = MutableClock.sampleDay();
        try (InProcessSmsc smsc = InProcessSmsc.onFreePort().start()) {
            byte[] bomb = InboundMail.pgpMime(new InboundMail.Envelope(SOC, clock.instant(), "<bomb@east-power.sample.invalid>"),
                    DecompressionBomb.armored(EXPANDED_MIB, InboundMail.gatewayCertificate(), clock.instant()));
            assertTrue(bomb.length < 64 * 1024, "the bomb is a small e-mail: " + bomb.length + " bytes");
            GreenMailUser user = mail.getUserManager().getUserByEmail(InboundMail.GATEWAY_ADDRESS);
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bomb)));

            Properties p = GatewayHarness.overrides(work, smtp, smsc.port());
            p.setProperty("gateway.directory", directoryWithFax().toString());
            p.setProperty("gateway.fax.gateway-domain", "faxgw.example");
            p.setProperty("gateway.imap.enabled", "true");
            p.setProperty("gateway.imap.protocol", "imap"); // GreenMail's plain IMAP, in-process
            p.setProperty("gateway.imap.allow-plaintext-credentials", "true");
            p.setProperty("gateway.imap.host", "127.0.0.1");
            p.setProperty("gateway.imap.port", String.valueOf(imap));
            p.setProperty("gateway.imap.password-env", "LIAISON_TEST_IMAP_PASSWORD_UNSET");
            p.setProperty("gateway.imap.poll-delay-ms", "200");
            try (Gateway gateway = Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(clock).start()) {
                StoredInbound judged = Await.until(() -> gateway.inboundStore().recent(5),
                        l -> l.size() == 1 && l.get(0).status() != InboundStatus.RECEIVED, Duration.ofSeconds(60),
                        "the bomb stored and judged").get(0);
                assertEquals(InboundStatus.QUARANTINED, judged.status(), judged.toString());
                assertEquals(Optional.of(ReasonCode.DECOMPRESSION_LIMIT), judged.reasonCode(), judged.toString());
                assertTrue(judged.reasonText().orElseThrow().contains("gateway.inbound.max-decompressed-bytes"), judged.toString());
                Await.until(() -> count(imap, "INBOX"), n -> n == 0, Duration.ofSeconds(30), "the bomb moved out of the inbox");

                String ref = gateway.send(Notices.earlyWarning()).reference();
                StatusReport report = gateway.awaitSettled(ref, Duration.ofSeconds(60));
                List<Delivery> soc = report.deliveries().stream().filter(d -> d.pocId().equals("east-power-soc")).toList();
                assertEquals(Set.of(ChannelKind.EMAIL, ChannelKind.SMS, ChannelKind.FAX),
                        soc.stream().map(Delivery::channel).collect(Collectors.toSet()), report.render(gateway.zone()));
                assertTrue(report.deliveries().stream().allMatch(d -> d.state() == DeliveryState.SENT), report.render(gateway.zone()));
                for (Delivery d : soc) {
                    if (d.channel() != ChannelKind.SMS) {
                        String id = d.serverId().orElseThrow();
                        assertTrue(Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> id.equals(messageId(m))),
                                d.channel() + " message " + id + " reached the mail server (the fax through the e-mail-to-fax gateway)");
                    }
                }
                assertTrue(smsc.received().stream().anyMatch(s -> s.text().contains(ref)), "the SMS reached the SMSC");
            }
        } finally {
            mail.stop();
        }
    }

    /** The sample directory, with a fax number added to the East Power SOC duty desk. */
    private Path directoryWithFax() throws IOException {
        Path dir = work.resolve("directory");
        for (String certs : List.of("certs", "smime/certs")) {
            Files.createDirectories(dir.resolve(certs));
            try (Stream<Path> files = Files.list(Path.of("keys-sample").resolve(certs))) {
                for (Path c : files.toList()) {
                    Files.copy(c, dir.resolve(certs).resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String yaml = Files.readString(Path.of("keys-sample/directory.yaml"), StandardCharsets.UTF_8);
        String anchor = "      - email: " + SOC + "\n";
        assertTrue(yaml.contains(anchor), "sample directory changed: adapt this test");
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, yaml.replace(anchor, anchor + "      - fax: \"" + FAX + "\"\n"), StandardCharsets.UTF_8);
        return file;
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(int port, String folder) {
        return ImapFolders.count(port, folder);
    }
}
