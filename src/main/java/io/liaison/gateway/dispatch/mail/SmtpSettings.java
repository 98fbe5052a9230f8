package io.liaison.gateway.dispatch.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * Where outgoing mail goes.
 *
 * @param startTls NONE, OPTIONAL (use it when offered) or REQUIRED (refuse to send without it)
 * @param password    never printed; {@link #toString()} hides it
 * @param connections how many connections may be open to the server at once, each carrying one message at a time
 */
public record SmtpSettings(String host, int port, StartTls startTls, String username, String password, int timeoutMillis,
                           int connections) {

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
