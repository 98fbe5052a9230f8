package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.compose.fax.RenderedFax;
import io.liaison.gateway.compose.fax.TiffPages;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.track.StatusReport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with a point of contact reached by e-mail and fax: the early warning goes out as
 * encrypted e-mail and, independently, as fax pages through the configured bridge.
 */
class FaxChannelDeliversThroughTheGatewayTest {
    private static final String FAX = "+81312340051";

    @TempDir
    Path work;

    @Test
    void earlyWarningReachesTheEmailToFaxGatewayAsTiffPages() throws Exception {
        try (Peers peers = new Peers(); Gateway gateway = start(peers, new Properties())) {
            String ref = gateway.send(Notices.earlyWarning()).reference();
            StatusReport report = gateway.awaitSettled(ref, Duration.ofSeconds(60));

            Delivery fax = faxDelivery(report);
            assertEquals(DeliveryState.SENT, fax.state(), report.render(gateway.zone()));
            MimeMessage m = Arrays.stream(peers.mail.getReceivedMessages())
                    .filter(x -> recipient(x).startsWith("FAX=")).findFirst().orElseThrow();
            assertEquals("FAX=" + FAX + "@faxgw.example", recipient(m));
            assertEquals(fax.serverId().orElseThrow(), m.getMessageID());
            byte[] tiff = ((MimeMultipart) m.getContent()).getBodyPart(1).getInputStream().readAllBytes();
            List<TiffPages.Page> pages = TiffPages.read(tiff);
            RenderedFax rendered = gateway.renderFax(fax);
            assertEquals(rendered.pages(), pages.size());
            assertEquals(1728, pages.get(0).image().getWidth());
            assertTrue(report.deliveries().stream().filter(d -> d.pocId().equals("east-power-soc"))
                    .map(Delivery::channel).toList().containsAll(List.of(ChannelKind.EMAIL, ChannelKind.SMS, ChannelKind.FAX)),
                    report.render(gateway.zone()));
        }
    }

    @Test
    void inSpoolModeTheFaxServerFindsTheJob() throws Exception {
        Path spool = work.resolve("spool");
        Properties p = new Properties();
        p.setProperty("gateway.fax.mode", "spool");
        p.setProperty("gateway.fax.spool-dir", spool.toString());
        try (Peers peers = new Peers(); Gateway gateway = start(peers, p)) {
            String ref = gateway.send(Notices.earlyWarning()).reference();
            StatusReport report = gateway.awaitSettled(ref, Duration.ofSeconds(60));

            Delivery fax = faxDelivery(report);
            assertEquals(DeliveryState.SENT, fax.state(), report.render(gateway.zone()));
            String job = ref + "-d" + fax.id();
            assertEquals("spool:" + job, fax.serverId().orElseThrow());
            try (Stream<Path> files = Files.list(spool)) {
                assertEquals(List.of(job + ".job", job + ".tif"), files.map(f -> f.getFileName().toString()).sorted().toList());
            }
            assertTrue(Files.readString(spool.resolve(job + ".job"), StandardCharsets.UTF_8).contains("number=" + FAX + "\n"));
            assertEquals(gateway.renderFax(fax).pages(), TiffPages.read(Files.readAllBytes(spool.resolve(job + ".tif"))).size());
            assertTrue(Arrays.stream(peers.mail.getReceivedMessages()).noneMatch(x -> recipient(x).startsWith("FAX=")),
                    "spool mode sends no fax e-mail");
        }
    }

    private Gateway start(Peers peers, Properties extra) throws Exception {
        Properties p = GatewayHarness.overrides(work, peers.smtpPort, peers.smsc.port());
        p.setProperty("gateway.directory", directoryWithFax().toString());
        p.setProperty("gateway.fax.gateway-domain", "faxgw.example");
        p.putAll(extra);
        return Gateway.builder(GatewaySettings.load(Optional.empty(), p)).clock(MutableClock.sampleDay()).start();
    }

    /** The sample directory, with a fax number added to the East Power SOC duty desk. */
    private Path directoryWithFax() throws IOException {
        Path dir = work.resolve("directory");
        Files.createDirectories(dir.resolve("certs"));
        try (Stream<Path> certs = Files.list(Path.of("keys-sample/certs"))) {
            for (Path c : certs.toList()) {
                Files.copy(c, dir.resolve("certs").resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // The S/MIME contacts' certificates too (the directory names them relative to its own folder).
        Files.createDirectories(dir.resolve("smime/certs"));
        try (Stream<Path> certs = Files.list(Path.of("keys-sample/smime/certs"))) {
            for (Path c : certs.toList()) {
                Files.copy(c, dir.resolve("smime/certs").resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String yaml = Files.readString(Path.of("keys-sample/directory.yaml"), StandardCharsets.UTF_8);
        String anchor = "      - email: soc@east-power.sample.invalid\n";
        assertTrue(yaml.contains(anchor), "sample directory changed: adapt this test");
        yaml = yaml.replace(anchor, anchor + "      - fax: \"" + FAX + "\"\n");
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static Delivery faxDelivery(StatusReport report) {
        List<Delivery> fax = report.deliveries().stream().filter(d -> d.channel() == ChannelKind.FAX).toList();
        assertEquals(1, fax.size(), report.deliveries().toString());
        assertEquals(FAX, fax.get(0).address());
        return fax.get(0);
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GreenMail (SMTP: the mail server and the e-mail-to-fax gateway alike) and an SMSC on loopback. */
    private static final class Peers implements AutoCloseable {
        final int smtpPort;
        final GreenMail mail;
        final InProcessSmsc smsc;

        Peers() throws IOException {
            smtpPort = GatewayHarness.freePort();
            mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            smsc = InProcessSmsc.onFreePort().start();
        }

        @Override
        public void close() {
            smsc.close();
            mail.stop();
        }
    }
}
