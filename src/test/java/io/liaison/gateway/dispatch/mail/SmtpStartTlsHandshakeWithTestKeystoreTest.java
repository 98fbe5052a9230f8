package io.liaison.gateway.dispatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TlsClient;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.TestTls;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real TLS handshake: the scripted relay offers STARTTLS with a certificate made for this run, and the
 * gateway's SMTP session trusts it only through a truststore file. Credentials and mail go only inside
 * TLS; an untrusted certificate, or one for another host, gets nothing.
 */
class SmtpStartTlsHandshakeWithTestKeystoreTest {
    private static final String PASSWORD = "relay-pw-9";
    private final MutableClock clock = MutableClock.sampleDay();
    private ScriptedSmtpServer server;
    private SmtpMailTransport smtp;

    @TempDir
    Path work;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
        server.offerAuth("PLAIN");
        server.reply(command -> command.startsWith("AUTH") ? "235 2.7.0 ok" : null);
    }

    @AfterEach
    void stop() throws Exception {
        if (smtp != null) {
            smtp.close();
        }
        server.close();
    }

    @Test
    void requiredStartTlsHandshakesWithTheTruststoreAndSendsCredentialsAndMailOnlyInsideTls() throws Exception {
        TestTls relay = TestTls.selfSigned("127.0.0.1", "localhost");
        server.offerStartTls(relay.serverContext());
        TlsClient trust = TlsClient.trusting(relay.writeTruststore(work.resolve("trust.p12")), TestTls.TRUSTSTORE_PASSWORD.clone());
        smtp = server.transport(clock, SmtpSettings.StartTls.REQUIRED, "liaison", PASSWORD, trust, false);

        smtp.send(message());

        assertEquals(1, server.accepted());
        assertEquals(0, server.handshakeFailures());
        assertTrue(server.commands().indexOf("STARTTLS") >= 0, server.commands().toString());
        assertTrue(server.commandsOverTls().stream().anyMatch(c -> c.startsWith("AUTH PLAIN ")), "AUTH inside TLS");
        assertTrue(server.commandsOverTls().stream().anyMatch(c -> c.startsWith("MAIL FROM")), "the mail inside TLS");
        assertFalse(server.commands().subList(0, server.commands().indexOf("STARTTLS")).stream().anyMatch(c -> c.startsWith("AUTH")),
                "nothing of the credentials before the handshake");
    }

    @Test
    void certificateNoTrustedRootVouchesForGetsNothing() throws Exception {
        server.offerStartTls(TestTls.selfSigned("127.0.0.1").serverContext());
        smtp = server.transport(clock, SmtpSettings.StartTls.REQUIRED, "liaison", PASSWORD, TlsClient.jvmDefault(), false);

        TransportFailure failure = assertThrows(TransportFailure.class, () -> smtp.send(message()));

        assertFalse(failure.isPermanent(), "the relay's certificate is the gateway's problem: retried, not the recipient's failure");
        assertTrue(server.commandsOverTls().isEmpty(), server.commandsOverTls().toString());
        assertFalse(server.verbs().contains("AUTH"), server.verbs().toString());
        assertEquals(0, server.accepted());
    }

    @Test
    void trustedCertificateForAnotherHostGetsNothing() throws Exception {
        TestTls other = TestTls.selfSigned("relay.other.invalid");
        server.offerStartTls(other.serverContext());
        TlsClient trust = TlsClient.trusting(other.writeTruststore(work.resolve("other.p12")), TestTls.TRUSTSTORE_PASSWORD.clone());
        smtp = server.transport(clock, SmtpSettings.StartTls.REQUIRED, "liaison", PASSWORD, trust, false);

        assertThrows(TransportFailure.class, () -> smtp.send(message()));

        assertTrue(server.commandsOverTls().isEmpty(), "the certificate does not name 127.0.0.1: " + server.commandsOverTls());
        assertFalse(server.verbs().contains("AUTH"), server.verbs().toString());
        assertEquals(0, server.accepted());
    }

    private static MimeMessage message() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()));
        m.setFrom(new InternetAddress("gateway@nisc.sample.invalid"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("poc@operator.sample.invalid"));
        m.setSubject("notice");
        m.setText("body");
        return m;
    }
}
