package io.liaison.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.ExternalTool;
import io.liaison.gateway.testing.MutableClock;
import jakarta.mail.internet.MailDateFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interop, inbound: a ministry liaison's reply made by OpenSSL 3 — {@code openssl cms -sign} with the
 * POC's sample S/MIME key, then {@code openssl cms -encrypt} to the gateway's S/MIME certificate — is
 * decrypted, verified against the certificate the directory registers and recorded as an
 * acknowledgement. RSA (PKCS #1 v1.5 and RSASSA-PSS) and EC signers; detached and opaque signatures;
 * AES-256-GCM (AuthEnvelopedData) and AES-256-CBC (EnvelopedData), the gateway's EC key by ECDH.
 */
class OpenSslSignedAndEncryptedReplyIsAcceptedTest {
    @TempDir
    Path work;

    @BeforeAll
    static void requireOpenSsl() {
        Assumptions.assumeTrue(ExternalTool.available("openssl", "version"), "openssl is not installed; CI installs it");
    }

    @ParameterizedTest(name = "{0}, {1}, {2} {3}")
    @CsvSource({
        "mic-liaison, detached, aes-256-gcm, ",
        "mic-liaison, opaque,   aes256,      rsa_padding_mode:pss",
        "fsa-liaison, detached, aes256,      ",
        "fsa-liaison, opaque,   aes-256-gcm, "})
    void acknowledgementSignedAndEncryptedByOpensslIsRecordedForTheSigningPoc(String poc, String form, String cipher, String keyopt)
            throws Exception {
        // openssl signs with the real time, so the gateway's clock is the real time too.
        try (IntakeFixture f = new IntakeFixture(InboundMail.SAMPLE.resolve("directory.yaml"), InboundSettings.defaults(),
                new MutableClock(Instant.now()))) {
            String organisation = poc.substring(0, poc.indexOf('-'));
            String ref = f.noticeSentTo(List.of(organisation));
            Path inner = work.resolve("inner.eml");
            Files.write(inner, InboundMail.inner(InboundMail.ack(ref)));

            List<String> sign = new ArrayList<>(List.of("openssl", "cms", "-sign", "-in", inner.toString(), "-md", "sha256",
                    "-signer", abs(InboundSmime.SMIME.resolve("certs/" + poc + ".pem")),
                    "-inkey", abs(InboundSmime.SMIME.resolve("secret/" + poc + ".key.pem")), "-out", work.resolve("signed.eml").toString()));
            if (form.equals("opaque")) {
                sign.add("-nodetach");
            }
            if (keyopt != null) {
                sign.addAll(List.of("-keyopt", keyopt));
            }
            ExternalTool.Result signed = ExternalTool.run(work, Map.of(), 60, sign);
            assertTrue(signed.ok(), signed::toString);
            String address = organisation.equals("mic") ? "liaison@mic.sample.invalid" : "liaison@fsa.sample.invalid";
            ExternalTool.Result encrypted = ExternalTool.run(work, "openssl", "cms", "-encrypt", "-in", "signed.eml", "-" + cipher,
                    "-crlfeol", "-from", address, "-to", InboundMail.GATEWAY_ADDRESS, "-subject", "Re: [TLP:AMBER] " + ref,
                    "-out", "encrypted.eml", abs(InboundSmime.SMIME.resolve("gateway.pem")));
            assertTrue(encrypted.ok(), encrypted::toString);

            // openssl writes From, To, Subject and the MIME headers; a mail client adds Date and Message-ID.
            byte[] mail = InboundSmime.concat(("Date: " + new MailDateFormat().format(Date.from(f.clock.instant())) + "\r\n"
                    + "Message-ID: <openssl-" + poc + "-" + form + "@" + organisation + ".sample.invalid>\r\n").getBytes(StandardCharsets.US_ASCII),
                    Files.readAllBytes(work.resolve("encrypted.eml")));
            InboundOutcome outcome = f.intake.receiveRaw(mail);

            assertEquals(InboundStatus.ACCEPTED, outcome.status(), outcome.toString());
            List<AcknowledgementRecord> acks = f.inbound.acknowledgements(ref);
            assertEquals(1, acks.size());
            assertEquals(poc, acks.get(0).pocId());
        }
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().toString();
    }
}
