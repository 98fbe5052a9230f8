package io.liaison.gateway.dispatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TransportFailure;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A connection that carried a message moments ago takes the next one without a NOOP round trip; an
 * older one is asked first; one the server closed meanwhile costs nothing but a fresh connection; and
 * a server's "try later" stays a temporary failure, its "no such user" a permanent one.
 */
class ReusesARecentSmtpConnectionWithoutANoopTest extends ScriptedSmtpDialogue {

    @Test
    void messagesInQuickSuccessionShareOneConnectionAndNoNoop() throws Exception {
        for (int i = 0; i < 3; i++) {
            smtp.send(message(i));
            clock.advance(Duration.ofMillis(100));
        }
        assertEquals(3, server.accepted());
        assertEquals(1, server.connections());
        assertFalse(server.verbs().contains("NOOP"), server.verbs().toString());
    }

    @Test
    void aConnectionIdleLongerIsAskedFirst() throws Exception {
        smtp.send(message(0));
        clock.advance(SmtpMailTransport.RECHECK_AFTER.plusSeconds(1));
        smtp.send(message(1));
        assertEquals(2, server.accepted());
        assertEquals(1, server.verbs().stream().filter("NOOP"::equals).count(), server.verbs().toString());
    }

    @Test
    void aConnectionTheServerClosedMeanwhileCostsOnlyAFreshOne() throws Exception {
        server.closeAfterEachMessage();
        for (int i = 0; i < 3; i++) {
            smtp.send(message(i));
        }
        assertEquals(3, server.accepted(), "each message accepted once");
        assertEquals(3, server.connections());
    }

    @Test
    void tryLaterIsTemporaryAndNoSuchUserIsPermanent() throws Exception {
        server.reply(command -> command.startsWith("MAIL") ? "451 4.3.0 try again later" : null);
        TransportFailure later = assertThrows(TransportFailure.class, () -> smtp.send(message(0)));
        assertFalse(later.isPermanent(), later.getMessage());

        server.reply(command -> command.startsWith("RCPT") ? "550 5.1.1 no such user" : null);
        TransportFailure refused = assertThrows(TransportFailure.class, () -> smtp.send(message(1)));
        assertTrue(refused.isPermanent(), refused.getMessage());
        assertEquals(0, server.accepted());
    }

    private MimeMessage message(int i) throws Exception {
        MimeMessage m = new MimeMessage(smtp.session());
        m.setFrom(new InternetAddress("gateway@nisc.sample.invalid"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("poc" + i + "@operator.sample.invalid"));
        m.setSubject("notice " + i);
        m.setText("body " + i);
        return m;
    }
}
