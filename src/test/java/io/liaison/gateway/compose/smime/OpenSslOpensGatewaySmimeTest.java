package io.liaison.gateway.compose.smime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.ExternalTool;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real interoperability check for S/MIME: OpenSSL 3's {@code cms} command, as a recipient's
 * tooling would run it, decrypts what the gateway sent (AuthEnvelopedData/AES-256-GCM and
 * EnvelopedData/AES-256-CBC, RSA key transport and ECDH key agreement), verifies the signature with
 * the sample CA as trust anchor, and shows the ESS security label among the signed attributes.
 */
class OpenSslOpensGatewaySmimeTest {
    private static final HandlingMark MARK = HandlingMark.of(Tlp.AMBER, "NISC-EW-2025-00042");
    private static PreparedContent content;
    private static SmimeProtector protector;

    @TempDir
    Path work;

    @BeforeAll
    static void requireOpenSslAndSignOnce() throws Exception {
        Assumptions.assumeTrue(ExternalTool.available("openssl", "version"), "openssl is not installed; CI installs it");
        protector = SmimeProtector.forDemo(SmimeSampleKeysFixture.gatewayKey());
        MimeBodyPart inner = new MimeBodyPart();
        inner.setText(SmimeSampleKeysFixture.JAPANESE_NOTICE, "UTF-8");
        inner.setHeader("Content-Transfer-Encoding", "8bit");
        content = protector.prepare(inner, MARK, Instant.now());
    }

    @ParameterizedTest(name = "{0}, GCM={1}")
    @CsvSource({"mic-liaison, true", "mic-liaison, false", "fsa-liaison, true", "fsa-liaison, false"})
    void opensslDecryptsVerifiesAgainstSampleCaAndShowsSecurityLabel(String pocId, boolean gcm) throws Exception {
        SmimeRecipientCertificate recipient = gcm ? SmimeSampleKeysFixture.gcmCertificate(pocId) : SmimeSampleKeysFixture.certificate(pocId);
        Path sent = writeMessage(protector.protectFor(content, recipient));
        Path signed = work.resolve("signed.eml");
        Path inner = work.resolve("inner.eml");

        ExternalTool.Result decrypt = openssl("cms", "-decrypt", "-in", sent.toString(),
                "-recip", abs(SmimeSampleKeysFixture.certificateFile(pocId)), "-inkey", abs(SmimeSampleKeysFixture.secretKeyFile(pocId)),
                "-out", signed.toString());
        assertTrue(decrypt.ok(), decrypt::toString);
        assertTrue(Files.readString(signed).startsWith("Content-Type: multipart/signed"), "signed, then enveloped");

        ExternalTool.Result verify = openssl("cms", "-verify", "-in", signed.toString(),
                "-CAfile", abs(SmimeSampleKeysFixture.CA), "-out", inner.toString());
        assertTrue(verify.ok(), verify::toString);
        assertTrue(verify.stderr().contains("Verification successful"), verify::toString);
        MimeBodyPart opened = new MimeBodyPart(new ByteArrayInputStream(Files.readAllBytes(inner)));
        assertEquals(SmimeSampleKeysFixture.JAPANESE_NOTICE, opened.getContent());

        ExternalTool.Result print = openssl("cms", "-cmsout", "-print", "-in", signed.toString());
        assertTrue(print.ok(), print::toString);
        String attributes = print.stdout();
        int label = attributes.indexOf("id-smime-aa-securityLabel (1.2.840.113549.1.9.16.2.2)");
        assertTrue(label > 0, "security label among the signed attributes:\n" + attributes);
        String labelDump = attributes.substring(label, Math.min(attributes.length(), label + 1200));
        assertTrue(labelDump.contains(":" + EssSecurityLabel.POLICY.getId()), labelDump);
        assertTrue(labelDump.contains("UTF8STRING        :TLP:AMBER"), labelDump);
        assertTrue(labelDump.contains(":NISC-EW-2025-00042"), labelDump);
        assertTrue(attributes.contains("signerInfos:") && attributes.contains("ecdsa-with-SHA256"), "ECDSA over SHA-256");

        ExternalTool.Result type = openssl("cms", "-cmsout", "-print", "-in", sent.toString());
        assertTrue(type.stdout().contains(gcm ? "contentType: id-smime-ct-authEnvelopedData" : "contentType: pkcs7-envelopedData"),
                type::toString);
        assertTrue(type.stdout().contains(gcm ? "aes-256-gcm" : "aes-256-cbc"), type::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mic-liaison", "fsa-liaison"})
    void opensslRejectsTheSignatureWhenTheMarkedTextIsChangedAfterSigning(String pocId) throws Exception {
        Path sent = writeMessage(protector.protectFor(content, SmimeSampleKeysFixture.certificate(pocId)));
        Path signed = work.resolve("signed.eml");
        assertTrue(openssl("cms", "-decrypt", "-in", sent.toString(), "-recip", abs(SmimeSampleKeysFixture.certificateFile(pocId)),
                "-inkey", abs(SmimeSampleKeysFixture.secretKeyFile(pocId)), "-out", signed.toString()).ok());
        // "TLP:AMBER" in the body's banner becomes "TLP:CLEAR": same length, so only the signature can tell.
        String text = Files.readString(signed, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("TLP:AMBER"));
        Files.writeString(signed, text.replaceFirst("TLP:AMBER", "TLP:CLEAR"), StandardCharsets.ISO_8859_1);

        ExternalTool.Result verify = openssl("cms", "-verify", "-in", signed.toString(), "-CAfile", abs(SmimeSampleKeysFixture.CA),
                "-out", work.resolve("inner.eml").toString());
        assertFalse(verify.ok(), verify::toString);
        assertTrue(verify.stderr().contains("Verification failure") || verify.stderr().contains("digest failure"), verify::toString);
    }

    private Path writeMessage(SmimeEnvelopedBody body) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("gateway@nisc.sample.invalid"));
        message.setRecipients(MimeMessage.RecipientType.TO, "liaison@mic.sample.invalid");
        message.setSubject("[TLP:AMBER] [NISC-EW-2025-00042] 早期警戒情報", "UTF-8");
        body.applyTo(message);
        message.saveChanges();
        Path file = work.resolve("sent.eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }

    private ExternalTool.Result openssl(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = "openssl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return ExternalTool.run(work, command);
    }

    private static String abs(Path path) {
        return path.toAbsolutePath().toString();
    }
}
