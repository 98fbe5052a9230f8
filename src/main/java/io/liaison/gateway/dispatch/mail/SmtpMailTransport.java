package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.dispatch.TransportFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * SMTP adapter. Keeps one connection open and reuses it, since a fan-out to thousands of points of
 * contact must not pay a TCP and TLS handshake per message; reconnects when the server went away.
 */
public final class SmtpMailTransport implements MailTransport {
    private final SmtpSettings settings;
    private final Session session;
    private Transport transport;

    public SmtpMailTransport(SmtpSettings settings) {
        this.settings = settings;
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
    public synchronized void send(MimeMessage message) throws TransportFailure {
        try {
            connected().sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            // The server refused the address itself: retrying will not help.
            closeQuietly();
            throw TransportFailure.permanent("SMTP server " + settings.host() + ":" + settings.port()
                    + " refused the recipient: " + firstLine(e.getMessage()), e);
        } catch (MessagingException e) {
            closeQuietly();
            throw TransportFailure.temporary("SMTP server " + settings.host() + ":" + settings.port()
                    + " did not accept the message: " + firstLine(rootMessage(e)), e);
        }
    }

    private Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            closeQuietly();
            Transport t = session.getTransport("smtp");
            if (settings.authenticates()) {
                t.connect(settings.host(), settings.port(), settings.username(), settings.password());
            } else {
                t.connect();
            }
            transport = t;
        }
        return transport;
    }

    private void closeQuietly() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is being thrown away; a failure to close it changes nothing
            }
            transport = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
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
