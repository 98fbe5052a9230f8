package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.dispatch.TransportFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;

/**
 * SMTP adapter. Keeps its connections open and reuses them, since a fan-out to thousands of points of
 * contact must not pay a TCP and TLS handshake per message; reconnects when the server went away. Up
 * to {@link SmtpSettings#connections()} messages are sent at once, each on a connection of its own:
 * SMTP answers every command in turn, so one connection spends most of its time waiting.
 *
 * <p>Jakarta Mail asks the server whether a connection is still open with a NOOP, a round trip of its
 * own: a fifth of a message's exchange. A connection that carried a message less than
 * {@link #RECHECK_AFTER} ago is reused without asking; if the server closed it all the same (a limit
 * of messages per connection, say), the message goes once more on a fresh connection, as it would
 * have after the NOOP.
 */
public final class SmtpMailTransport implements MailTransport {
    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

    private final SmtpSettings settings;
    private final Session session;
    private final Semaphore slots;
    private final Clock clock;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    public SmtpMailTransport(SmtpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public SmtpMailTransport(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
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
        try {
            Idle reused = recentlyUsed();
            if (reused != null) {
                try {
                    sendOn(reused.transport(), message);
                    return;
                } catch (TransportFailure e) {
                    if (e.isPermanent()) {
                        throw e; // the server answered: the connection was open
                    }
                    // closed by the server since its last message: once more, on a connection just opened
                }
            }
            Transport fresh;
            try {
                fresh = connected();
            } catch (MessagingException e) {
                throw notAccepted(e);
            }
            sendOn(fresh, message);
        } finally {
            slots.release();
        }
    }

    private void sendOn(Transport t, MimeMessage message) throws TransportFailure {
        boolean sent = false;
        try {
            t.sendMessage(message, message.getAllRecipients());
            sent = true;
        } catch (SendFailedException e) {
            if (onlyTemporaryReplies(e)) {
                throw notAccepted(e); // 4xx, "try again later": the server's state, not the address's
            }
            // The server refused the address itself: retrying will not help.
            throw TransportFailure.permanent("SMTP server " + settings.host() + ":" + settings.port()
                    + " refused the recipient: " + firstLine(e.getMessage()), e);
        } catch (MessagingException e) {
            throw notAccepted(e);
        } finally {
            if (sent) {
                release(t);
            } else {
                // A connection that failed is closed, not reused: its state in the SMTP dialogue is unknown.
                closeQuietly(t);
            }
        }
    }

    /** True when the server's replies in this refusal are all 4xx (RFC 5321 §4.2.1: try again later). */
    private static boolean onlyTemporaryReplies(SendFailedException e) {
        boolean any = false;
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int code = x instanceof SMTPSendFailedException f ? f.getReturnCode()
                    : x instanceof SMTPAddressFailedException a ? a.getReturnCode() : 0;
            if (code >= 500) {
                return false;
            }
            any |= code >= 400;
        }
        return any;
    }

    private TransportFailure notAccepted(MessagingException e) {
        return TransportFailure.temporary("SMTP server " + settings.host() + ":" + settings.port()
                + " did not accept the message: " + firstLine(rootMessage(e)), e);
    }

    /** An idle connection used moments ago, taken without asking the server; null when there is none. */
    private Idle recentlyUsed() {
        synchronized (idle) {
            Idle first = idle.peekFirst();
            if (first != null && Duration.between(first.since(), clock.instant()).compareTo(RECHECK_AFTER) < 0) {
                return idle.pollFirst();
            }
            return null;
        }
    }

    private Transport connected() throws MessagingException {
        Idle older;
        synchronized (idle) {
            older = idle.pollFirst();
        }
        if (older != null && older.transport().isConnected()) {
            return older.transport();
        }
        closeQuietly(older == null ? null : older.transport());
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
                idle.addFirst(new Idle(t, clock.instant()));
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
            open = idle.stream().map(Idle::transport).toList();
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

    /** A connection waiting for its next message, and since when. */
    private record Idle(Transport transport, Instant since) {
    }
}
