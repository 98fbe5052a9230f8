package io.liaison.gateway.dispatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.liaison.gateway.testing.GatewayHarness;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With several connections allowed, messages are on the wire at the same time, each on a connection of
 * its own: every message here waits, while being written, until all three are being written. Were the
 * transport to send one at a time, the first would wait for the others forever.
 */
class SeveralMailsGoOutOnConnectionsOfTheirOwnTest {
    private GreenMail server;
    private SmtpMailTransport smtp;

    @BeforeEach
    void start() throws Exception {
        int port = GatewayHarness.freePort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        smtp = new SmtpMailTransport(new SmtpSettings("127.0.0.1", port, SmtpSettings.StartTls.NONE, null, null, 10_000, 3));
    }

    @AfterEach
    void stop() {
        smtp.close();
        server.stop();
    }

    @Test
    void threeMessagesAreWrittenAtOnceAndEachArrivesOnce() throws Exception {
        CyclicBarrier allWriting = new CyclicBarrier(3);
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                MimeMessage m = new WaitingMessage(smtp.session(), allWriting, i);
                sent.add(senders.submit(() -> {
                    smtp.send(m);
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        MimeMessage[] received = server.getReceivedMessages();
        assertEquals(3, received.length);
        Set<String> subjects = new HashSet<>();
        for (MimeMessage m : received) {
            assertTrue(subjects.add(m.getSubject()), "received twice: " + m.getSubject());
        }
    }

    @Test
    void connectionsAreReusedForLaterMessages() throws Exception {
        for (int i = 0; i < 5; i++) {
            smtp.send(plain(smtp.session(), i));
        }
        assertEquals(5, server.getReceivedMessages().length);
    }

    private static MimeMessage plain(Session session, int n) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("gateway@nisc.sample.invalid"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("poc" + n + "@example.invalid"));
        m.setSubject("message " + n);
        m.setText("body " + n);
        m.saveChanges();
        return m;
    }

    /** Writes itself only once all its siblings are being written too. */
    private static final class WaitingMessage extends MimeMessage {
        private final CyclicBarrier allWriting;

        WaitingMessage(Session session, CyclicBarrier allWriting, int n) throws MessagingException {
            super(plain(session, n));
            this.allWriting = allWriting;
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
            try {
                allWriting.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IOException("not all messages were being written at once", e);
            }
            super.writeTo(os, ignoreList);
        }
    }
}
