package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.fax.FaxNotices;
import io.liaison.gateway.compose.fax.FaxSheet;
import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.DemoMarking;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gateway.demo-mode=true, in any configuration, accepts the published sample keys: every start says so
 * in a warning nobody can miss, and every message sent says DEMO / デモ before anything else.
 */
class DemoModeIsLoudAndMarksEveryMessageTest {
    @TempDir
    Path work;

    @Test
    void everyStartInDemoModePrintsAMultiLineWarning() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            for (int start = 0; start < 2; start++) {
                String err = capturingStandardError(() -> h.startGateway(b -> b));
                assertTrue(err.contains("DEMO MODE / デモモード"), err);
                assertTrue(err.contains("gateway.demo-mode"), "names the setting: " + err);
                assertTrue(err.lines().filter(l -> l.startsWith("!!")).count() >= 4, "a block, not a line: " + err);
            }
        }
    }

    @Test
    void everyEmailSubjectAndSmsOfADemoGatewaySaysDemoFirst() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            String ref = h.gateway().send(Notices.earlyWarning()).reference();
            h.gateway().awaitSettled(ref, Duration.ofSeconds(60));

            MimeMessage[] mails = h.mail().getReceivedMessages();
            assertTrue(mails.length > 0);
            for (MimeMessage m : mails) {
                assertTrue(m.getSubject().startsWith("[DEMO / デモ] "), m.getSubject());
            }
            List<InProcessSmsc.ReceivedSms> sms = h.smsc.received();
            assertFalse(sms.isEmpty());
            for (InProcessSmsc.ReceivedSms s : sms) {
                assertTrue(s.text().startsWith("DEMO / デモ "), s.text());
            }
        }
    }

    @Test
    void theEmailBannerAndEveryFaxPageBannerSayDemo() throws Exception {
        StoredNotice n = FaxNotices.notice(Tlp.AMBER);
        NoticeMarking demo = new NoticeMarking(FaxNotices.TOKYO, true);

        String body = demo.body(n, "NISC", null, List.of(), DeliveryNote.NONE);
        assertTrue(body.lines().skip(1).findFirst().orElseThrow().startsWith(DemoMarking.LABEL), body);
        assertEquals(2, body.lines().filter(l -> l.startsWith(DemoMarking.LABEL)).count(), "top and bottom banner: " + body);

        FaxSheet sheet = new FaxSheet(Tlp.AMBER, false, n.reference(), "NISC", List.of("x"), false).demoMarked();
        assertTrue(sheet.bannerText().startsWith(DemoMarking.LABEL), sheet.bannerText());
        String pdf = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(
                new io.liaison.gateway.compose.fax.FaxRenderer(FaxNotices.TOKYO, Tlp.AMBER,
                        io.liaison.gateway.compose.fax.FaxResolution.FINE, io.liaison.gateway.compose.fax.FaxCompression.T4, true)
                        .render(n, FaxNotices.context()).pdf()));
        assertTrue(pdf.contains("DEMO"), pdf);
    }

    @Test
    void outsideDemoModeNothingIsMarkedDemo() {
        StoredNotice n = FaxNotices.notice(Tlp.AMBER);
        NoticeMarking real = new NoticeMarking(FaxNotices.TOKYO, false);

        assertFalse(real.subject(n, DeliveryNote.NONE).contains("DEMO"));
        assertFalse(real.sms(n).contains("DEMO"));
        assertFalse(real.body(n, "NISC", null, List.of(), DeliveryNote.NONE).contains("DEMO"));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String capturingStandardError(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
