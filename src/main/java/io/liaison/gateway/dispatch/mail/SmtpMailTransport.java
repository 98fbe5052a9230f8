package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.dispatch.TransportFailure;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>The dialogue is {@link SmtpSession}'s own: Jakarta Mail's transport sends MAIL, RCPT and DATA one
 * round trip at a time even where the server offers PIPELINING, and copies the message through a
 * stream that converts line ends and doubles dots a byte at a time. Jakarta Mail still builds the
 * messages ({@link #session()}).
 *
 * <p>A connection that carried a message less than {@link #RECHECK_AFTER} ago is reused without a
 * NOOP; if the server closed it all the same (a limit of messages per connection, say), the message
 * goes once more on a fresh connection, as it would have after the NOOP.
 */
public final class SmtpMailTransport implements MailTransport {
    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);
    private static final String[] NOT_SENT_HEADERS = {"Bcc", "Content-Length"};

    private final SmtpSettings settings;
    private final Session session;
    private final Semaphore slots;
    private final Clock clock;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private volatile String localName;
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
        this.session = Session.getInstance(p);
    }

    /** The Jakarta Mail session messages for this transport are built in. */
    public Session session() {
        return session;
    }

    @Override
    public void send(MimeMessage message) throws TransportFailure {
        Envelope envelope = envelope(message);
        slots.acquireUninterruptibly();
        try {
            Idle reused = recentlyUsed();
            if (reused != null) {
                try {
                    sendOn(reused.session(), envelope);
                    return;
                } catch (TransportFailure e) {
                    if (e.isPermanent()) {
                        throw e; // the server answered: the connection was open
                    }
                    // closed by the server since its last message: once more, on a connection just opened
                }
            }
            sendOn(connected(), envelope);
        } finally {
            slots.release();
        }
    }

    /** Sender, recipients and bytes, taken from the message before a connection is held for it. */
    private Envelope envelope(MimeMessage message) throws TransportFailure {
        try {
            Address[] from = message.getFrom();
            Address[] to = message.getAllRecipients();
            if (from == null || from.length == 0 || to == null || to.length == 0) {
                throw TransportFailure.permanent("the message has no " + (from == null || from.length == 0 ? "sender" : "recipient")
                        + "; nothing was sent", null);
            }
            List<String> recipients = new ArrayList<>(to.length);
            for (Address a : to) {
                recipients.add(((InternetAddress) a).getAddress());
            }
            String sender = ((InternetAddress) from[0]).getAddress();
            if (message instanceof RenderedMessage rendered) {
                return new Envelope(sender, recipients, rendered::writeTo); // the composed bytes, never copied
            }
            // Written out before a connection is taken, so a message that cannot be written fails here.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, message.getSize() + 2048));
            message.writeTo(bytes, NOT_SENT_HEADERS);
            return new Envelope(sender, recipients, bytes::writeTo);
        } catch (MessagingException | IOException | ClassCastException e) {
            throw TransportFailure.permanent("the message cannot be written for SMTP: " + e.getMessage(), e);
        }
    }

    private void sendOn(SmtpSession connection, Envelope envelope) throws TransportFailure {
        boolean sent = false;
        try {
            connection.send(envelope.from(), envelope.recipients(), envelope.content());
            sent = true;
        } catch (SmtpSession.SmtpRefusal e) {
            if (!e.isPermanent()) {
                throw notAccepted(e.getMessage(), e); // 4xx, "try again later": the server's state, not the address's
            }
            // The server refused the address or the message itself: retrying will not help.
            throw TransportFailure.permanent("SMTP server " + settings.host() + ":" + settings.port()
                    + (e.command().equals("RCPT") ? " refused the recipient: " : " refused the message: ") + e.getMessage(), e);
        } catch (IOException e) {
            throw notAccepted(describe(e), e);
        } finally {
            if (sent) {
                release(connection);
            } else {
                // A connection that failed is closed, not reused: its state in the SMTP dialogue is unknown.
                connection.close();
            }
        }
    }

    private TransportFailure notAccepted(String why, Exception e) {
        return TransportFailure.temporary("SMTP server " + settings.host() + ":" + settings.port()
                + " did not accept the message: " + why, e);
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

    private SmtpSession connected() throws TransportFailure {
        Idle older;
        synchronized (idle) {
            older = idle.pollFirst();
        }
        if (older != null && older.session().noop()) {
            return older.session();
        }
        if (older != null) {
            older.session().close();
        }
        try {
            return SmtpSession.open(settings, localName());
        } catch (SmtpSession.SmtpRefusal e) {
            throw notAccepted(e.getMessage(), e);
        } catch (IOException e) {
            throw notAccepted(describe(e), e);
        }
    }

    // As Jakarta Mail names the client in EHLO: this host's name, looked up once.
    private String localName() {
        String name = localName;
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getCanonicalHostName();
            } catch (IOException e) {
                name = "localhost";
            }
            if (name.isBlank() || name.contains(" ")) {
                name = "localhost";
            }
            localName = name;
        }
        return name;
    }

    private void release(SmtpSession connection) {
        synchronized (idle) {
            if (!closed) {
                idle.addFirst(new Idle(connection, clock.instant()));
                return;
            }
        }
        connection.close();
    }

    @Override
    public void close() {
        List<SmtpSession> open;
        synchronized (idle) {
            closed = true;
            open = idle.stream().map(Idle::session).toList();
            idle.clear();
        }
        open.forEach(SmtpSession::close);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** A connection waiting for its next message, and since when. */
    private record Idle(SmtpSession session, Instant since) {
    }

    /** What goes to the server for one message. */
    private record Envelope(String from, List<String> recipients, SmtpSession.Content content) {
    }
}
