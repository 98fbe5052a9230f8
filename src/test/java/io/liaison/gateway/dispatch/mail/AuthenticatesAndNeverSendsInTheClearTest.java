package io.liaison.gateway.dispatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.testing.MutableClock;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's credentials go by AUTH PLAIN where offered, else AUTH LOGIN; refused credentials send
 * nothing and never show the password; and with STARTTLS required, a server that does not offer it
 * gets no message at all.
 */
class AuthenticatesAndNeverSendsInTheClearTest {
    private static final String PASSWORD = "s3cret-Relay-pw";
    private final MutableClock clock = MutableClock.sampleDay();
    private ScriptedSmtpServer server;
    private SmtpMailTransport smtp;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (smtp != null) {
            smtp.close();
        }
        server.close();
    }

    @Test
    void authPlainWhereOffered() throws Exception {
        server.offerAuth("LOGIN PLAIN");
        server.reply(command -> command.startsWith("AUTH") ? "235 2.7.0 ok" : null);
        smtp = transport(SmtpSettings.StartTls.NONE);
        smtp.send(message());

        String auth = server.commands().stream().filter(c -> c.startsWith("AUTH PLAIN ")).findFirst().orElseThrow();
        assertEquals("\0liaison\0" + PASSWORD,
                new String(Base64.getDecoder().decode(auth.substring("AUTH PLAIN ".length())), StandardCharsets.UTF_8));
        assertEquals(1, server.accepted());
    }

    @Test
    void authLoginWhereOnlyThatIsOffered() throws Exception {
        server.offerAuth("LOGIN");
        AtomicInteger step = new AtomicInteger();
        server.reply(command -> {
            if (command.equals("AUTH LOGIN")) {
                step.set(1);
                return "334 VXNlcm5hbWU6";
            }
            return switch (step.get()) {
                case 1 -> { step.set(2); yield "334 UGFzc3dvcmQ6"; }
                case 2 -> { step.set(3); yield "235 2.7.0 ok"; }
                default -> null;
            };
        });
        smtp = transport(SmtpSettings.StartTls.NONE);
        smtp.send(message());

        assertTrue(server.commands().contains(Base64.getEncoder().encodeToString("liaison".getBytes(StandardCharsets.UTF_8))));
        assertTrue(server.commands().contains(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, server.accepted());
    }

    @Test
    void refusedCredentialsSendNothingAndNeverShowThePassword() throws Exception {
        server.offerAuth("PLAIN");
        server.reply(command -> command.startsWith("AUTH") ? "535 5.7.8 authentication credentials invalid" : null);
        smtp = transport(SmtpSettings.StartTls.NONE);

        TransportFailure failure = assertThrows(TransportFailure.class, () -> smtp.send(message()));
        assertFalse(failure.isPermanent(), "a relay's credentials are the gateway's problem, not the recipient's");
        assertTrue(failure.getMessage().contains("535"), failure.getMessage());
        String token = Base64.getEncoder().encodeToString(("\0liaison\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
            assertFalse(String.valueOf(t.getMessage()).contains(token), t.toString());
        }
        assertFalse(server.verbs().contains("MAIL"), server.verbs().toString());
        assertEquals(0, server.accepted());
    }

    @Test
    void requiredStartTlsThatTheServerDoesNotOfferSendsNothing() throws Exception {
        smtp = transport(SmtpSettings.StartTls.REQUIRED);

        TransportFailure failure = assertThrows(TransportFailure.class, () -> smtp.send(message()));
        assertTrue(failure.getMessage().contains("STARTTLS"), failure.getMessage());
        assertFalse(server.verbs().contains("MAIL"), server.verbs().toString());
        assertFalse(server.verbs().contains("AUTH"), "no credentials in the clear: " + server.verbs());
        assertEquals(0, server.accepted());
    }

    // The AUTH dialogue itself is tested on the plain scripted server, so plaintext credentials are allowed here
    // by the setting named for it; RefusesPlaintextCredentialsTest covers the default, which refuses.
    private SmtpMailTransport transport(SmtpSettings.StartTls startTls) {
        return server.transport(clock, startTls, "liaison", PASSWORD, io.liaison.gateway.dispatch.TlsClient.jvmDefault(), true);
    }

    private MimeMessage message() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()));
        m.setFrom(new InternetAddress("gateway@nisc.sample.invalid"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("poc@operator.sample.invalid"));
        m.setSubject("notice");
        m.setText("body");
        return m;
    }
}
