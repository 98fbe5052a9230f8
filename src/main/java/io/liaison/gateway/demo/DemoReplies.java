package io.liaison.gateway.demo;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.SkippingClock;
import io.liaison.gateway.compose.PreparedContent;
import io.liaison.gateway.compose.ProtectedMessages;
import io.liaison.gateway.compose.openpgp.PgpMimeProtector;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * What an operator's mail client sends the gateway in the demo: a report signed with the point of contact's
 * sample secret key and encrypted to the gateway's sample certificate, in a PGP/MIME envelope
 * (docs/inbound-format.md). Demo only: the sample keys are refused everywhere else.
 */
final class DemoReplies {
    private static final Path SAMPLES = Path.of("keys-sample");

    private DemoReplies() {
    }

    /** The raw message {@code pocId} (whose registered address is {@code from}) sends with {@code yaml} as its document. */
    static byte[] signedAndEncrypted(String pocId, String from, String gatewayAddress, String subject, String yaml, Instant at)
            throws Exception {
        // Sample secret keys are stored unprotected; the variable is never set and never read for them.
        OpenPgpGatewayKey poc = OpenPgpGatewayKey.load(SAMPLES.resolve("secret/" + pocId + ".sec.asc"),
                PassphraseSource.fromEnvironment("LIAISON_DEMO_UNPROTECTED_KEY"));
        RecipientCertificate gateway = new OpenPgpCertificateReader().read(SAMPLES.resolve("gateway/gateway.asc"));
        PgpMimeProtector protector = PgpMimeProtector.forDemo(poc);
        PreparedContent signed = protector.prepare(new MimeBodyPart(new ByteArrayInputStream(entity(yaml))), at);
        MimeMultipart encrypted = protector.protectFor(signed, gateway);

        MimeMessage message = ProtectedMessages.newMessage(Session.getInstance(new Properties()), encrypted);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(gatewayAddress, true));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(at));
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }

    /** The signed entity: a line for people and the machine-readable document. */
    private static byte[] entity(String yaml) {
        String boundary = "demo-report";
        return ("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "情報連絡を送ります。 / Incident report attached.\r\n"
                + "--" + boundary + "\r\nContent-Type: application/yaml; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + yaml.replace("\r\n", "\n").replace("\n", "\r\n")
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
