package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.smime.SmimeOpener;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.rollover.KeyAnnouncementException;
import io.liaison.gateway.keys.rollover.KeyAnnouncer;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.peers.InProcessSmsc;
import io.liaison.gateway.testing.ExternalTool;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.GnuPgHome;
import io.liaison.gateway.testing.NextGatewayKeyFiles;
import io.liaison.gateway.testing.ReceivedMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keys announce}'s work through the running gateway: every active point of contact is sent the
 * next certificates in a message signed by the current key (GnuPG verifies the signature and imports
 * the new key from the decrypted text; the S/MIME contact's mail verifies with the current S/MIME
 * certificate and carries the new one), SMS says only where to check, each contact is told once (a
 * second run sends nothing), each is audited as key.announced, and after the switch date nothing is
 * announced at all (the new key would vouch for itself).
 */
class KeyAnnouncementIsSignedByTheOldKeyAndCarriesTheNewCertificateTest {
    private static final Pattern PUBLIC_KEY = Pattern.compile(
            "-----BEGIN PGP PUBLIC KEY BLOCK-----.*?-----END PGP PUBLIC KEY BLOCK-----", Pattern.DOTALL);
    private static final Pattern CERTIFICATE = Pattern.compile("-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void everyContactGetsTheNewCertificatesOnceSignedByTheCurrentKey() throws Exception {
        Assumptions.assumeTrue(GnuPgHome.available(), "gpg is not installed; CI installs it");
        try (GatewayHarness h = GatewayHarness.start(work); GnuPgHome gpg = GnuPgHome.create(work)) {
            NextGatewayKeyFiles next = NextGatewayKeyFiles.generate(work.resolve("next"));
            Instant switchAt = h.clock.instant().plus(Duration.ofDays(14));
            Gateway g = h.gatewayWith(next.settings(switchAt, switchAt.plus(Duration.ofDays(30))));

            KeyAnnouncer.Announced announced = g.announceKeys("nisc-duty");
            String reference = announced.reference().orElseThrow();
            assertTrue(g.awaitSettled(reference, Duration.ofSeconds(60)).settled(), "announcement deliveries settled");
            Set<String> active = new TreeSet<>();
            g.directory().organisations().keySet().forEach(org ->
                    g.directory().activePointsOfContactOf(org).stream().map(PointOfContact::id).forEach(active::add));
            assertEquals(active, new TreeSet<>(announced.announcedTo()), "every active point of contact, whatever the agreements");

            // OpenPGP contact: gpg sees the current gateway key's signature, and the new key in the text.
            gpg.importFiles(Path.of("keys-sample/secret/power-ceptoar-duty.sec.asc"), Path.of("keys-sample/gateway/gateway.asc"));
            List<MimeMessage> toCeptoar = ReceivedMail.to(h.mail().getReceivedMessages(), "duty@power-ceptoar.sample.invalid", reference);
            assertEquals(1, toCeptoar.size());
            Path armored = work.resolve("announcement.asc");
            Files.writeString(armored, ReceivedMail.pgpPayload(toCeptoar.get(0)), StandardCharsets.US_ASCII);
            Path decrypted = work.resolve("announcement.eml");
            ExternalTool.Result opened = gpg.decrypt(armored, decrypted);
            assertEquals(new OpenPgpRecipientCertificate(InboundMail.gatewayCertificate()).fingerprint(),
                    GnuPgHome.validSignatureBy(opened), "signed by the current gateway key: " + opened);
            String text = Files.readString(decrypted, StandardCharsets.UTF_8);
            Matcher key = PUBLIC_KEY.matcher(text);
            assertTrue(key.find(), "the new OpenPGP certificate is in the message");
            Path newKey = work.resolve("new-key.asc");
            Files.writeString(newKey, key.group() + "\n", StandardCharsets.US_ASCII);
            gpg.importFiles(newKey);
            ExternalTool.Result listed = gpg.gpg("--with-colons", "--fingerprint", next.fingerprint());
            assertTrue(listed.ok() && listed.stdout().contains("fpr:::::::::" + next.fingerprint() + ":"), listed::toString);

            // S/MIME contact: verifies with the current S/MIME certificate, carries the next one.
            List<MimeMessage> toMic = ReceivedMail.to(h.mail().getReceivedMessages(), "liaison@mic.sample.invalid", reference);
            assertEquals(1, toMic.size());
            OpenedMessage smime = new SmimeOpener(InboundSmime.pocKey("mic-liaison"))
                    .open(toMic.get(0), SmimeRecipientCertificate.of(InboundSmime.gatewayCertificate()));
            assertTrue(smime.signatureValid(), "signed by the current S/MIME certificate");
            Object content = new jakarta.mail.internet.MimeBodyPart(new java.io.ByteArrayInputStream(smime.innerEntity())).getContent();
            Matcher pem = CERTIFICATE.matcher(String.valueOf(content));
            assertTrue(pem.find(), "the new S/MIME certificate is in the message");
            assertEquals(SmimeRecipientCertificate.of(next.certificate()).pem().strip(), pem.group().replace("\r\n", "\n").strip(),
                    "the PEM of the next S/MIME certificate (the e-mail travels with CRLF line ends)");

            // SMS: the fixed line, no key material.
            List<InProcessSmsc.ReceivedSms> sms = h.smsc.received().stream().filter(s -> s.text().contains(reference)).toList();
            assertFalse(sms.isEmpty(), "the SMS heads-up went out");
            sms.forEach(s -> assertFalse(s.text().contains("BEGIN") || s.text().contains(next.fingerprint()), s.text()));

            // Once per contact, audited per contact.
            assertEquals(Optional.empty(), g.announceKeys("nisc-duty").reference(), "a second run tells nobody again");
            List<AuditEntry> audited = g.audit().read(Optional.empty(), Optional.empty()).stream()
                    .filter(e -> e.action().equals(AuditAction.KEY_ANNOUNCED.verb())).toList();
            assertEquals(active.size(), audited.size());
            assertTrue(audited.stream().allMatch(e -> e.details().get("next_openpgp").equals(next.fingerprint())));

            // From the switch on an announcement would be signed by the new key: refused, nothing stored.
            h.clock.advance(Duration.ofDays(15));
            KeyAnnouncementException refused = assertThrows(KeyAnnouncementException.class, () -> g.announceKeys("nisc-duty"));
            assertTrue(refused.getMessage().contains("gateway.key.switch-at"), refused.getMessage());
        }
    }
}
