package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.OpenedMessage;
import io.liaison.gateway.compose.smime.SmimeOpener;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundSmime;
import io.liaison.gateway.keys.openpgp.OpenPgpRecipientCertificate;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.testing.ExternalTool;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.GnuPgHome;
import io.liaison.gateway.testing.NextGatewayKeyFiles;
import io.liaison.gateway.testing.Notices;
import io.liaison.gateway.testing.ReceivedMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key rollover, outbound, on the gateway's injected clock: a notice composed before
 * gateway.key.switch-at is signed by the current key, one composed after it by the next key — checked
 * by GnuPG 2.2 as the OpenPGP recipient runs it (VALIDSIG names the signing key), and for the S/MIME
 * recipient by opening its mail against each gateway certificate.
 */
class OutboundSignsWithTheOldKeyBeforeTheSwitchAndTheNewAfterTest {
    private static final String CEPTOAR_DUTY = "duty@power-ceptoar.sample.invalid";
    private static final String MIC = "liaison@mic.sample.invalid";

    @TempDir
    Path work;

    @Test
    void signaturesMoveToTheNextKeyAtTheSwitchDate() throws Exception {
        Assumptions.assumeTrue(GnuPgHome.available(), "gpg is not installed; CI installs it");
        try (GatewayHarness h = GatewayHarness.start(work); GnuPgHome gpg = GnuPgHome.create(work)) {
            NextGatewayKeyFiles next = NextGatewayKeyFiles.generate(work.resolve("next"));
            Instant switchAt = h.clock.instant().plus(Duration.ofDays(2));
            Gateway g = h.gatewayWith(next.settings(switchAt, switchAt.plus(Duration.ofDays(30))));
            String oldOpenPgp = new OpenPgpRecipientCertificate(InboundMail.gatewayCertificate()).fingerprint();
            SmimeRecipientCertificate oldSmime = SmimeRecipientCertificate.of(InboundSmime.gatewayCertificate());
            SmimeRecipientCertificate newSmime = SmimeRecipientCertificate.of(next.certificate());
            gpg.importFiles(Path.of("keys-sample/secret/power-ceptoar-duty.sec.asc"), Path.of("keys-sample/gateway/gateway.asc"),
                    next.openPgpCertificate());

            String before = sendAndSettle(h, g, "before the switch");
            assertEquals(oldOpenPgp, signerSeenByGpg(h, gpg, before), "signed by the current key before the switch");
            assertSmimeSignedBy(h, before, oldSmime, newSmime);

            h.clock.advance(Duration.ofDays(3));
            String after = sendAndSettle(h, g, "after the switch");
            assertEquals(next.fingerprint(), signerSeenByGpg(h, gpg, after), "signed by the next key from the switch on");
            assertSmimeSignedBy(h, after, newSmime, oldSmime);
        }
    }

    private static String sendAndSettle(GatewayHarness h, Gateway g, String title) throws Exception {
        String reference = g.send(Notices.of("rollover.yaml", """
                kind: provision
                level: TLP:AMBER
                from: nisc-duty
                title: 鍵の切替試験 / %s
                body: Details follow.
                target:
                  organisations: [power-ceptoar, mic]
                """.formatted(title))).reference();
        assertTrue(g.awaitSettled(reference, Duration.ofSeconds(60)).settled(), "deliveries of " + reference + " settled");
        return reference;
    }

    private String signerSeenByGpg(GatewayHarness h, GnuPgHome gpg, String reference) throws Exception {
        List<MimeMessage> mails = ReceivedMail.to(h.mail().getReceivedMessages(), CEPTOAR_DUTY, reference);
        assertEquals(1, mails.size(), "one e-mail of " + reference + " to " + CEPTOAR_DUTY);
        Path armored = work.resolve(reference + ".asc");
        Files.writeString(armored, ReceivedMail.pgpPayload(mails.get(0)), StandardCharsets.US_ASCII);
        ExternalTool.Result result = gpg.decrypt(armored, work.resolve(reference + ".eml"));
        assertTrue(result.stdout().contains("[GNUPG:] DECRYPTION_OKAY"), result::toString);
        return GnuPgHome.validSignatureBy(result);
    }

    /** The S/MIME recipient's mail verifies with {@code signer}'s certificate and not with {@code notSigner}'s. */
    private static void assertSmimeSignedBy(GatewayHarness h, String reference, SmimeRecipientCertificate signer,
                                            SmimeRecipientCertificate notSigner) throws Exception {
        List<MimeMessage> mails = ReceivedMail.to(h.mail().getReceivedMessages(), MIC, reference);
        assertEquals(1, mails.size(), "one e-mail of " + reference + " to " + MIC);
        SmimeOpener mic = new SmimeOpener(InboundSmime.pocKey("mic-liaison"));
        OpenedMessage bySigner = mic.open(mails.get(0), signer);
        assertTrue(bySigner.signatureValid(), "signed by " + signer.fingerprint());
        OpenedMessage byOther = mic.open(mails.get(0), notSigner);
        assertTrue(!byOther.signatureValid(), "not signed by " + notSigner.fingerprint());
    }
}
