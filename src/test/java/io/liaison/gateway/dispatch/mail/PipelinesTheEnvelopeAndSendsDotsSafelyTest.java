package io.liaison.gateway.dispatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.dispatch.TransportFailure;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the server offers PIPELINING, a message's envelope goes in one write (two round trips a
 * message instead of four); a refused recipient still refuses the whole message, even from a server
 * that would then take the data for the others; and the message arrives intact whatever its dots and
 * line ends.
 */
class PipelinesTheEnvelopeAndSendsDotsSafelyTest extends ScriptedSmtpDialogue {

    @Test
    void theEnvelopeGoesInOneWriteWhereTheServerOffersPipelining() throws Exception {
        server.offerPipelining();
        smtp.send(message("poc@operator.sample.invalid", "body"));
        assertEquals(1, server.accepted());
        assertEquals(List.of("MAIL", "RCPT"), server.verbsSentAhead(), server.verbs().toString());
    }

    @Test
    void oneCommandAtATimeWhereTheServerDoesNotOfferIt() throws Exception {
        smtp.send(message("poc@operator.sample.invalid", "body"));
        assertEquals(1, server.accepted());
        assertTrue(server.verbsSentAhead().isEmpty(), server.verbsSentAhead().toString());
    }

    @Test
    void aRefusedRecipientRefusesTheMessageEvenWhenTheServerWouldTakeTheData() throws Exception {
        server.offerPipelining();
        server.reply(command -> command.startsWith("RCPT") ? "550 5.1.1 no such user" : null);
        TransportFailure refused = assertThrows(TransportFailure.class,
                () -> smtp.send(message("gone@operator.sample.invalid", "body")));
        assertTrue(refused.isPermanent(), refused.getMessage());
        assertTrue(refused.getMessage().contains("550 5.1.1 no such user"), refused.getMessage());
        assertEquals(0, server.accepted(), "no data sent after DATA was answered 354");

        server.reply(command -> null);
        smtp.send(message("poc@operator.sample.invalid", "body"));
        assertEquals(1, server.accepted(), "the next message goes on a fresh connection");
    }

    @Test
    void leadingDotsAreDoubledAndEveryLineEndsInCrlf() throws Exception {
        String text = ".hidden\n..two\r\nplain\rlast.";
        MimeMessage m = message("poc@operator.sample.invalid", text);
        smtp.send(m);

        List<String> lines = server.messages().get(0);
        int body = lines.indexOf("") + 1;
        assertEquals(List.of("..hidden", "...two", "plain", "last."), lines.subList(body, lines.size()));

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SmtpSession.DataStream data = new SmtpSession.DataStream(wire);
        byte[] bytes = ".a\r\n.\rb\n".getBytes(StandardCharsets.US_ASCII);
        for (byte b : bytes) {
            data.write(b); // a byte at a time: a CR at the end of one write and its LF in the next stay one line end
        }
        data.finish();
        assertEquals("..a\r\n..\r\nb\r\n.\r\n", wire.toString(StandardCharsets.US_ASCII));
    }

    private MimeMessage message(String to, String text) throws Exception {
        MimeMessage m = new MimeMessage(smtp.session());
        m.setFrom(new InternetAddress("gateway@nisc.sample.invalid"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject("notice");
        m.setText(text);
        return m;
    }
}
