package io.liaison.gateway.interfaces.web.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How people log in to the console: the OpenID Connect providers of their organisations, where the gateway
 * is reached (for the redirect back), and how long a session lasts. Checked when built.
 *
 * @param baseUrl         the console's address as browsers reach it, e.g. {@code https://gateway.nisc.example};
 *                        the providers send people back to {@code baseUrl + /login/callback}
 * @param idleTimeout     a session unused this long ends
 * @param absoluteTimeout a session ends this long after the login, used or not
 * @param secureCookie    the cookie is {@code Secure} (and named {@code __Host-…}): whenever the console is
 *                        served over TLS; plain only for the demo on loopback
 */
public record ConsoleLogin(List<Provider> providers, String baseUrl, Duration idleTimeout, Duration absoluteTimeout,
                           boolean secureCookie) {

    /**
     * One organisation's identity provider. The client secret is held here only to be handed to the
     * provider; it is never printed ({@link #toString()} leaves it out).
     */
    public record Provider(String id, String label, String issuer, String clientId, String clientSecret) {
        public Provider {
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new IllegalArgumentException("provider id \"" + id + "\": lower-case letters, digits and '-'");
            }
            if (issuer == null || !(issuer.startsWith("https://") || issuer.startsWith("http://127.0.0.1")
                    || issuer.startsWith("http://localhost"))) {
                throw new IllegalArgumentException("provider " + id + ": the issuer must be an https:// address (http:// only on"
                        + " loopback, for the demo), was " + issuer);
            }
            Objects.requireNonNull(clientId, "client id of provider " + id);
            Objects.requireNonNull(clientSecret, "client secret of provider " + id);
            label = label == null || label.isBlank() ? id : label;
        }

        @Override
        public String toString() {
            return "Provider[" + id + ", " + issuer + ", client " + clientId + "]";
        }
    }

    public ConsoleLogin {
        providers = List.copyOf(providers);
        if (baseUrl == null || !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("the console's base URL must be an http(s):// address, was " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("session time-outs: idle " + idleTimeout + " must be positive and at most the"
                    + " absolute " + absoluteTimeout);
        }
        if (baseUrl.startsWith("https://") && !secureCookie) {
            throw new IllegalArgumentException("a console served at " + baseUrl + " keeps its session cookie Secure");
        }
    }

    public Optional<Provider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    String redirectUri() {
        return baseUrl + "/login/callback";
    }

    String cookieName() {
        return secureCookie ? "__Host-lg_session" : "lg_session";
    }
}
