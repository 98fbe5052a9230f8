package io.liaison.gateway.dispatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TlsClient;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.testing.MutableClock;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP user name and password never cross the network without TLS unless
 * {@code gateway.smtp.allow-plaintext-credentials=true} says so: with STARTTLS optional and a relay (or
 * someone in between) that offers none, the session stops before AUTH; with STARTTLS off and a user
 * name the settings themselves are refused.
 */
class RefusesPlaintextCredentialsTest {
    private final MutableClock clock = MutableClock.sampleDay();
    private ScriptedSmtpServer server;
    private SmtpMailTransport smtp;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
        server.offerAuth("PLAIN LOGIN");
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
    void optionalStartTlsStrippedOnTheWaySendsNoCredentialsAndNoMail() throws Exception {
        smtp = server.transport(clock, SmtpSettings.StartTls.OPTIONAL, "liaison", "pw-never-in-clear");

        TransportFailure failure = assertThrows(TransportFailure.class, () -> smtp.send(message()));

        assertTrue(failure.getMessage().contains(SmtpSettings.ALLOW_PLAINTEXT_CREDENTIALS), failure.getMessage());
        assertFalse(failure.getMessage().contains("pw-never-in-clear"));
        assertFalse(server.verbs().contains("AUTH"), server.verbs().toString());
        assertFalse(server.verbs().contains("MAIL"), server.verbs().toString());
        assertEquals(0, server.accepted());
    }

    @Test
    void noStartTlsWithAUserNameIsRefusedAsASettingNamingTheOneThatWouldAllowIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new SmtpSettings("127.0.0.1",
                server.port(), SmtpSettings.StartTls.NONE, "liaison", "pw", 10_000, 1));
        assertTrue(refused.getMessage().contains("gateway.smtp.starttls=none"), refused.getMessage());
        assertTrue(refused.getMessage().contains(SmtpSettings.ALLOW_PLAINTEXT_CREDENTIALS), refused.getMessage());
        assertFalse(refused.getMessage().contains("pw\""), refused.getMessage());
    }

    @Test
    void theSettingNamedForItLetsCredentialsGoWithoutTls() throws Exception {
        smtp = server.transport(clock, SmtpSettings.StartTls.OPTIONAL, "liaison", "pw", TlsClient.jvmDefault(), true);

        smtp.send(message());

        assertTrue(server.verbs().contains("AUTH"), server.verbs().toString());
        assertEquals(1, server.accepted());
    }

    @Test
    void withoutAUserNameMailStillGoesWhereStartTlsIsOptionalAndNotOffered() throws Exception {
        smtp = server.transport(clock, SmtpSettings.StartTls.OPTIONAL, null, null);

        smtp.send(message());

        assertFalse(server.verbs().contains("AUTH"));
        assertEquals(1, server.accepted());
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
