package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.dispatch.TransportFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;

/**
 * SMTP adapter. Keeps its connections open and reuses them, since a fan-out to thousands of points of
 * contact must not pay a TCP and TLS handshake per message; reconnects when the server went away. Up
 * to {@link SmtpSettings#connections()} messages are sent at once, each on a connection of its own:
 * SMTP answers every command in turn, so one connection spends most of its time waiting.
 */
public final class SmtpMailTransport implements MailTransport {
    private final SmtpSettings settings;
    private final Session session;
    private final Semaphore slots;
    private final Deque<Transport> idle = new ArrayDeque<>();
    private boolean closed;

    public SmtpMailTransport(SmtpSettings settings) {
        this.settings = settings;
        this.slots = new Semaphore(settings.connections());
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail.smtp.timeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(settings.timeoutMillis()));
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls() != SmtpSettings.StartTls.NONE));
        p.put("mail.smtp.starttls.required", String.valueOf(settings.startTls() == SmtpSettings.StartTls.REQUIRED));
        p.put("mail.smtp.auth", String.valueOf(settings.authenticates()));
        p.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        this.session = Session.getInstance(p);
    }

    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message) throws TransportFailure {
        slots.acquireUninterruptibly();
        Transport t = null;
        try {
            t = connected();
            t.sendMessage(message, message.getAllRecipients());
            release(t);
            t = null;
        } catch (SendFailedException e) {
            // The server refused the address itself: retrying will not help.
            throw TransportFailure.permanent("SMTP server " + settings.host() + ":" + settings.port()
                    + " refused the recipient: " + firstLine(e.getMessage()), e);
        } catch (MessagingException e) {
            throw TransportFailure.temporary("SMTP server " + settings.host() + ":" + settings.port()
                    + " did not accept the message: " + firstLine(rootMessage(e)), e);
        } finally {
            // A connection that failed is closed, not reused: its state in the SMTP dialogue is unknown.
            closeQuietly(t);
            slots.release();
        }
    }

    private Transport connected() throws MessagingException {
        Transport t;
        synchronized (idle) {
            t = idle.pollFirst();
        }
        if (t != null && t.isConnected()) {
            return t;
        }
        closeQuietly(t);
        Transport fresh = session.getTransport("smtp");
        if (settings.authenticates()) {
            fresh.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } else {
            fresh.connect();
        }
        return fresh;
    }

    private void release(Transport t) {
        synchronized (idle) {
            if (!closed) {
                idle.addFirst(t);
                return;
            }
        }
        closeQuietly(t);
    }

    private static void closeQuietly(Transport t) {
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException ignored) {
                // the connection is being thrown away; a failure to close it changes nothing
            }
        }
    }

    @Override
    public void close() {
        List<Transport> open;
        synchronized (idle) {
            closed = true;
            open = new ArrayList<>(idle);
            idle.clear();
        }
        open.forEach(SmtpMailTransport::closeQuietly);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no reason given";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
