package io.liaison.gateway.dispatch.fax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.compose.fax.FaxNotices;
import io.liaison.gateway.compose.fax.TiffPages;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.dispatch.mail.SmtpMailTransport;
import io.liaison.gateway.dispatch.mail.SmtpSettings;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.MutableClock;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GreenMail stands in for the e-mail-to-fax gateway: what arrives there is what the gateway would dial. */
class EmailToFaxBridgeSendsThroughSmtpTest {
    private GreenMail faxGateway;
    private EmailToFaxBridge bridge;

    @BeforeEach
    void start() throws Exception {
        int port = GatewayHarness.freePort();
        faxGateway = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        faxGateway.start();
        SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", port));
        bridge = new EmailToFaxBridge(smtp, smtp.session(), new InternetAddress("gateway@nisc.sample.invalid"),
                "faxgw.example", MutableClock.sampleDay());
    }

    @AfterEach
    void stop() {
        bridge.close();
        faxGateway.stop();
    }

    @Test
    void sendsOneMessageToTheRfc3192AddressWithTheTiffPagesAttached() throws Exception {
        FaxJob job = FaxJobs.of(Tlp.AMBER, 42, "+81312340001");

        String id = bridge.submit(job);

        MimeMessage[] received = faxGateway.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals("<" + job.reference() + ".fax.42@nisc.sample.invalid>", id);
        assertEquals(id, m.getMessageID());
        assertEquals("FAX=+81312340001@faxgw.example", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("[TLP:AMBER] [" + job.reference() + "] FAX " + job.fax().pages() + (job.fax().pages() == 1 ? " page" : " pages"),
                m.getSubject());
        assertEquals("TLP:AMBER", m.getHeader("X-TLP", null));
        assertEquals(job.reference(), m.getHeader("X-Liaison-Reference", null));

        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertTrue(mixed.getContentType().startsWith("multipart/mixed"), mixed.getContentType());
        assertEquals(2, mixed.getCount());
        BodyPart pages = mixed.getBodyPart(1);
        assertTrue(pages.isMimeType("image/tiff"), pages.getContentType());
        assertTrue(pages.getContentType().contains("application=faxbw"), pages.getContentType());
        assertEquals(job.name() + ".tif", pages.getFileName());
        byte[] tiff = pages.getInputStream().readAllBytes();
        assertArrayEquals(job.fax().tiff(), tiff, "the TIFF arrives byte for byte");
        List<TiffPages.Page> read = TiffPages.read(tiff);
        assertEquals(job.fax().pages(), read.size());
        assertEquals(1728, read.get(0).image().getWidth());
    }

    @Test
    void aSubaddressGoesIntoTheLocalPart() throws Exception {
        FaxJob plain = FaxJobs.of(Tlp.AMBER, 7, "+81312340001");
        FaxJob job = new FaxJob(plain.reference(), 7, plain.level(), false, plain.number(), java.util.Optional.of("204"), plain.fax());

        bridge.submit(job);

        assertEquals("FAX=+81312340001/T33S=204@faxgw.example",
                ((InternetAddress) faxGateway.getReceivedMessages()[0].getAllRecipients()[0]).getAddress());
    }

    @Test
    void nothingAboutTheContentTravelsOutsideTheTiffOfACoverSheet() throws Exception {
        FaxJob job = FaxJobs.of(Tlp.RED, 9, "+81312340001");

        bridge.submit(job);

        String raw = GreenMailUtil.getWholeMessage(faxGateway.getReceivedMessages()[0]);
        assertFalse(raw.contains("Signs of a targeted attack"), "no title in subject or text part");
        assertTrue(job.fax().coverSheetOnly());
        String text = new String(((MimeMultipart) faxGateway.getReceivedMessages()[0].getContent()).getBodyPart(0)
                .getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("[TLP:RED] [" + job.reference() + "]"), text);
        assertFalse(text.contains(FaxNotices.TITLE));
    }

    @Test
    void anUnreachableSmtpServerIsATemporaryFailure() throws Exception {
        faxGateway.stop();

        TransportFailure e = org.junit.jupiter.api.Assertions.assertThrows(TransportFailure.class,
                () -> bridge.submit(FaxJobs.of(Tlp.AMBER, 1, "+81312340001")));

        assertFalse(e.isPermanent(), "retried later: " + e.getMessage());
    }
}
