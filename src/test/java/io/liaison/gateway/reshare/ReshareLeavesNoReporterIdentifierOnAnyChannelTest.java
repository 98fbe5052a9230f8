package io.liaison.gateway.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.openpgp.PgpMimeOpener;
import io.liaison.gateway.compose.smime.SmimeOpener;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeSampleKeyGenerator;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.track.StatusReport;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * East Power reports an intrusion and writes its name, people, addresses, hosts, IPs, files and key into every
 * field; NISC re-shares it as an early warning to the power sector and the sectors depending on it. Nothing that
 * identifies East Power may reach anyone on any channel: e-mail headers and decrypted bodies (with each
 * recipient's own key), attachment file names, SMS, and the fax pages as the fax machine prints them.
 */
class ReshareLeavesNoReporterIdentifierOnAnyChannelTest {
    private static final String REPORTER_ADDRESS = "soc@east-power.sample.invalid";
    private static final Path KEYS = Path.of("keys-sample");
    private static final PassphraseSource PASSPHRASE = PassphraseSource.fromFile(KEYS.resolve("gateway/passphrase.txt"));

    @TempDir
    Path work;

    @Test
    void noIdentifierOfTheReporterSurvivesInAnyEmailSmsOrFax() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            // AMBER in full by fax (the most the setting allows; the default is GREEN), so the fax's full text is checked.
            Gateway gateway = h.gatewayWith("gateway.fax.full-content-max-level", "TLP:AMBER");
            String fingerprint = gateway.directory().pointOfContact("east-power-soc").orElseThrow().certificate().orElseThrow()
                    .fingerprint();
            Reports.fromEastPower(gateway, h.clock.instant(), Reports.identifying("EP-2026-0077", false, fingerprint));
            List<String> identifiers = identifiers(fingerprint);

            ReshareProposal proposal = gateway.reshare().propose(new ReshareRequest("east-power/EP-2026-0077", Optional.empty(),
                    Grounds.THREAT, Optional.of(Tlp.AMBER), List.of(), true, List.of("東日本電力")));
            List<String> shown = proposal.redactions().stream().map(Redaction::line).toList();
            assertTrue(shown.contains("summary: \"192.0.2.15\" → \"［IPアドレス］\"   (ip)"), String.join("\n", shown));
            assertTrue(shown.contains("affected_system.hardware: \"10.20.30.40\" → \"[IP address]\"   (ip)"), String.join("\n", shown));
            assertTrue(shown.contains("summary: \"East Power Co.\" → \"電力分野の事業者\"   (reporter)"), String.join("\n", shown));
            assertTrue(shown.contains("response.measures: \"東日本電力\" → \"［削除］\"   (named-by-nisc)"), String.join("\n", shown));
            assertTrue(shown.contains("response.measures: \"east-power-scada01.evtx\" → \"［ファイル名］\"   (file-name)"),
                    String.join("\n", shown));
            assertTrue(shown.contains("contact.person: \"山田 太郎 (SOC当番)\" → (omitted) (省略)   (omitted)"), String.join("\n", shown));
            assertTrue(shown.stream().anyMatch(l -> l.startsWith("notes: \"2001:db8:0:42::15\"")), String.join("\n", shown));

            String reference = gateway.reshare().approve(proposal.id(), "nisc-duty").reference();
            StatusReport status = gateway.awaitSettled(reference, Duration.ofSeconds(60));
            assertTrue(status.deliveries().stream().allMatch(d -> d.state() == DeliveryState.SENT), status.render(gateway.zone()));
            assertEquals(NoticeKind.EARLY_WARNING, status.notice().kind());
            assertTrue(status.deliveries().stream().anyMatch(d -> d.channel() == ChannelKind.FAX && d.pocId().equals("telecom-a-soc")),
                    "the dependent sector's fax desk is reached: " + status.render(gateway.zone()));

            StoredNotice notice = status.notice();
            assertClean(identifiers, notice.title() + "\n" + notice.summary() + "\n" + notice.body(), "the stored notice");
            assertTrue(notice.body().contains("HX-200") && notice.body().contains("GridView") && notice.body().contains("電力分野の事業者"),
                    "what others need to protect themselves stays: " + notice.body());

            int emails = 0;
            int smime = 0;
            for (MimeMessage m : h.mail().getReceivedMessages()) {
                if (!reference.equals(m.getHeader("X-Liaison-Reference", null))) {
                    continue; // the relay of the report itself goes to METI and NISC only, unredacted by design
                }
                String to = m.getAllRecipients()[0].toString();
                StringBuilder seen = new StringBuilder(headers(m, to.equalsIgnoreCase(REPORTER_ADDRESS)));
                if (to.startsWith("FAX=")) {
                    seen.append(partsText(m));
                } else {
                    smime += m.isMimeType("application/pkcs7-mime") ? 1 : 0;
                    OpenedMessage opened = m.isMimeType("application/pkcs7-mime")
                            ? new SmimeOpener(SmimeSampleKeyGenerator.loadRecipientKey(KEYS, recipient(gateway, to).id()))
                                    .open(m, gatewaySmimeCertificate())
                            : new PgpMimeOpener(recipientKey(gateway, to)).open(m, gatewayCertificate());
                    assertTrue(opened.signatureValid());
                    MimeBodyPart inner = new MimeBodyPart(new ByteArrayInputStream(opened.innerEntity()));
                    // The protected header fields (RFC 9788) repeat To inside: on the reporter's own copy that is its own address.
                    boolean own = to.equalsIgnoreCase(REPORTER_ADDRESS);
                    seen.append(new String(opened.innerEntity(), StandardCharsets.UTF_8).lines()
                                    .filter(l -> !(own && (l.regionMatches(true, 0, "To:", 0, 3) || l.regionMatches(true, 0, "HP-Outer: To:", 0, 13))))
                                    .collect(Collectors.joining("\n")))
                            .append('\n').append(partsText(inner).lines()
                                    .filter(l -> !(own && (l.regionMatches(true, 0, "To:", 0, 3) || l.regionMatches(true, 0, "HP-Outer: To:", 0, 13))))
                                    .collect(Collectors.joining("\n")));
                    assertTrue(seen.toString().contains("HX-200"), "decrypted for " + to);
                }
                assertClean(identifiers, seen.toString(), "e-mail to " + to);
                emails++;
            }
            long expectedEmails = status.deliveries().stream().filter(d -> d.channel() != ChannelKind.SMS).count();
            assertEquals(expectedEmails, emails, "every e-mail and e-mail-to-fax message was checked");
            assertEquals(1, smime, "the MIC liaison's copy is S/MIME and was opened too");

            List<InProcessSmsc.ReceivedSms> sms = h.smsc.received().stream().filter(s -> s.text().contains(reference)).toList();
            assertEquals(status.deliveries().stream().filter(d -> d.channel() == ChannelKind.SMS).count(), sms.size());
            for (InProcessSmsc.ReceivedSms s : sms) {
                assertClean(identifiers, s.text(), "SMS to " + s.destination());
            }

            List<Delivery> faxes = status.deliveries().stream().filter(d -> d.channel() == ChannelKind.FAX).toList();
            assertFalse(faxes.isEmpty());
            for (Delivery fax : faxes) {
                var rendered = gateway.renderFax(fax);
                assertFalse(rendered.coverSheetOnly(), "TLP:AMBER goes by fax in full, so the full text is what is checked");
                String pages;
                try (PDDocument doc = Loader.loadPDF(rendered.pdf())) {
                    pages = new PDFTextStripper().getText(doc);
                }
                assertTrue(pages.contains("HX-200"), pages);
                assertClean(identifiers, pages, "fax pages to " + fax.pocId());
            }
        }
    }

    /** What identifies East Power: as the directory holds it, as the report wrote it, and the usual variants. */
    private static List<String> identifiers(String fingerprint) {
        String hex = fingerprint.replaceAll("[^0-9A-Fa-f]", "");
        return List.of("east-power", "east power", "eastpower", "east_power", "東日本電力", "山田", "太郎", "yamada", "soc当番",
                "+81312340001", "81312340001", "03-1234-0001", "0312340001", "+819000000051", "scada01", "192.0.2.15", "10.20.30.40",
                "00:1a:2b:3c:4d:5e", "2001:db8:0:42::15", "198.51.100.23", "portal.", "ep-2026-0077", "ep-0077", "fs01", "4711",
                "west power", "eastpower-ops", "ep-0077.pcap", "scada01.evtx", hex, hex.substring(hex.length() - 16));
    }

    private static void assertClean(List<String> identifiers, String text, String where) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> leaked = identifiers.stream().filter(i -> lower.contains(i.toLowerCase(Locale.ROOT))).toList();
        assertTrue(leaked.isEmpty(), where + " carries " + leaked + ":\n" + text);
    }

    /** Every header line; on the reporter's own copy the To line is its own address, which is not a leak. */
    private static String headers(MimeMessage m, boolean reportersOwnCopy) throws Exception {
        List<String> lines = Collections.list(m.getAllHeaderLines());
        return lines.stream().filter(l -> !(reportersOwnCopy && l.regionMatches(true, 0, "To:", 0, 3)))
                .collect(Collectors.joining("\n")) + "\n";
    }

    /** The text of every part, every part's headers and every attachment's file name. */
    private static String partsText(Part part) throws Exception {
        StringBuilder b = new StringBuilder();
        Optional.ofNullable(part.getFileName()).ifPresent(f -> b.append("filename ").append(f).append('\n'));
        for (String line : Collections.list(((jakarta.mail.internet.MimePart) part).getAllHeaderLines())) {
            b.append(line).append('\n');
        }
        Object content = part.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                b.append(partsText(mp.getBodyPart(i)));
            }
        } else if (content instanceof String s) {
            b.append(s).append('\n');
        }
        return b.toString();
    }

    private static PointOfContact recipient(Gateway gateway, String address) {
        return gateway.directory().pointsOfContact().values().stream()
                .filter(p -> p.channels().stream().map(ContactChannel::address).anyMatch(address::equalsIgnoreCase))
                .findFirst().orElseThrow(() -> new AssertionError("no point of contact has " + address));
    }

    private static OpenPgpGatewayKey recipientKey(Gateway gateway, String address) throws Exception {
        return OpenPgpGatewayKey.load(KEYS.resolve("secret/" + recipient(gateway, address).id() + ".sec.asc"),
                PassphraseSource.fromEnvironment("NO_SUCH_VARIABLE_FOR_AN_UNPROTECTED_KEY"));
    }

    private static io.liaison.gateway.keys.RecipientCertificate gatewayCertificate() throws Exception {
        return OpenPgpGatewayKey.load(KEYS.resolve("gateway/gateway.sec.asc"), PASSPHRASE).certificate();
    }

    private static io.liaison.gateway.keys.RecipientCertificate gatewaySmimeCertificate() throws Exception {
        return SmimeGatewayKey.load(KEYS.resolve("smime/gateway.key.pem"), KEYS.resolve("smime/gateway.pem"), PASSPHRASE).certificate();
    }

}
