package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.dispatch.TlsClient;
import java.util.Locale;
import java.util.Objects;

/**
 * Where outgoing mail goes.
 *
 * @param startTls NONE, OPTIONAL (use it when offered) or REQUIRED (refuse to send without it)
 * @param password    never printed; {@link #toString()} hides it
 * @param connections how many connections may be open to the server at once, each carrying one message at a time
 * @param tls         how the relay's certificate is checked when the session is secured
 * @param allowPlaintextCredentials true only when {@code gateway.smtp.allow-plaintext-credentials} says so: then the
 *                    user name and password may go over a session that TLS does not protect. Never by default.
 */
public record SmtpSettings(String host, int port, StartTls startTls, String username, String password, int timeoutMillis,
                           int connections, TlsClient tls, boolean allowPlaintextCredentials) {

    public static final String ALLOW_PLAINTEXT_CREDENTIALS = "gateway.smtp.allow-plaintext-credentials";

    public enum StartTls {
        NONE, OPTIONAL, REQUIRED;

        public static StartTls parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "smtp host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("smtp port out of range: " + port);
        }
        Objects.requireNonNull(startTls, "smtp starttls");
        if (connections < 1 || connections > 64) {
            throw new IllegalArgumentException("smtp connections must be 1 to 64, was " + connections);
        }
        Objects.requireNonNull(tls, "smtp tls");
        if (startTls == StartTls.NONE && username != null && !username.isBlank() && !allowPlaintextCredentials) {
            throw new IllegalArgumentException("gateway.smtp.starttls=none with gateway.smtp.username set would send the"
                    + " SMTP password in the clear: set gateway.smtp.starttls=required, or " + ALLOW_PLAINTEXT_CREDENTIALS
                    + "=true to accept that");
        }
    }

    /** With the JVM's trusted roots and credentials never in the clear. */
    public SmtpSettings(String host, int port, StartTls startTls, String username, String password, int timeoutMillis,
                        int connections) {
        this(host, port, startTls, username, password, timeoutMillis, connections, TlsClient.jvmDefault(), false);
    }

    /** The same relay and account with STARTTLS required, e.g. for mail that must never travel in the clear. */
    public SmtpSettings withStartTlsRequired() {
        return new SmtpSettings(host, port, StartTls.REQUIRED, username, password, timeoutMillis, connections, tls,
                allowPlaintextCredentials);
    }

    public static SmtpSettings plain(String host, int port) {
        return new SmtpSettings(host, port, StartTls.NONE, null, null, 10_000, 1);
    }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "smtp://" + host + ":" + port + " (starttls " + startTls + (authenticates() ? ", user " + username : "")
                + ", " + connections + (connections == 1 ? " connection)" : " connections)");
    }
}
