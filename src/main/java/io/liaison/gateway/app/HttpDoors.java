package io.liaison.gateway.app;

import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.application.Idempotency;
import io.liaison.gateway.interfaces.api.ApiDoor;
import io.liaison.gateway.interfaces.api.LocalAdminDoor;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.interfaces.http.HttpSettings;
import io.liaison.gateway.interfaces.web.console.ConsoleDoor;
import io.liaison.gateway.interfaces.web.session.ConsoleLogin;
import io.liaison.gateway.interfaces.web.session.SessionDoor;
import io.liaison.gateway.store.jdbc.JdbcApiTokenStore;
import io.liaison.gateway.store.jdbc.JdbcIdempotencyStore;
import io.liaison.gateway.store.jdbc.JdbcSessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Wiring of the HTTP doors: the server of {@code serve} and {@code demo --console}, with the REST API
 * over the gateway's application layer, from the settings {@code gateway.http.*}.
 */
public final class HttpDoors {
    private HttpDoors() {
    }

    /** Starts the console and API server for a running gateway. */
    public static GatewayHttpServer start(Gateway gateway, GatewaySettings settings) {
        return start(gateway, settings, List.of());
    }

    private static GatewayHttpServer start(Gateway gateway, GatewaySettings settings, List<GatewayHttpServer.Door> more) {
        Idempotency idempotency = new Idempotency(new JdbcIdempotencyStore(gateway.dataSource()), gateway.clock());
        HttpSettings http = settings(settings);
        List<GatewayHttpServer.Door> doors = new java.util.ArrayList<>(List.of(session(gateway, consoleLogin(settings, http))));
        doors.addAll(more);
        doors.add(new ApiDoor(gateway.application(), tokens(gateway), idempotency, gateway.events()));
        doors.add(console(gateway, idempotency));
        return GatewayHttpServer.start(http, doors);
    }

    /** {@code serve}'s server with the local administrator's loopback door, and the token file that opens it. */
    public record Served(GatewayHttpServer http, Optional<LocalAdministrator> admin) implements AutoCloseable {
        /** The token file goes first: nothing may read a token the server no longer accepts. */
        @Override
        public void close() {
            try {
                admin.ifPresent(LocalAdministrator::close);
            } finally {
                http.close();
            }
        }
    }

    /**
     * The server of {@code serve}: as {@link #start(Gateway, GatewaySettings)}, plus the local administrator door
     * (token administration from this host while serve runs) and its token file. When the server listens on no
     * loopback address the door would be unreachable: no file is written, and that is logged.
     */
    public static Served serve(Gateway gateway, GatewaySettings settings) {
        LocalAdministrator admin = LocalAdministrator.create(LocalAdministrator.file(settings));
        Optional<String> loopbackHost = loopbackHost(settings(settings).host());
        GatewayHttpServer http = start(gateway, settings, loopbackHost.isEmpty() ? List.of()
                : List.of(new LocalAdminDoor(admin.sha256(), tokens(gateway), gateway.application().actors(), gateway.clock())));
        if (loopbackHost.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(HttpDoors.class).warn("gateway.http.host {} is not a loopback or wildcard address:"
                    + " no local administrator door; token create|list|revoke need serve stopped", settings(settings).host());
            return new Served(http, Optional.empty());
        }
        try {
            admin.publish((http.baseUrl().startsWith("https:") ? "https://" : "http://") + loopbackHost.get() + ":" + http.port());
        } catch (IOException | RuntimeException e) {
            http.close();
            throw new GatewaySettings.SettingsException("setting " + LocalAdministrator.SETTING + ": cannot write " + admin.path()
                    + ": " + e.getMessage());
        }
        return new Served(http, Optional.of(admin));
    }

    /** The address a client on this host reaches the server at, when the server listens on loopback at all. */
    static Optional<String> loopbackHost(String host) {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(host);
            if (address.isAnyLocalAddress()) {
                return Optional.of("127.0.0.1");
            }
            if (address.isLoopbackAddress()) {
                return Optional.of(address instanceof java.net.Inet6Address ? "[::1]" : address.getHostAddress());
            }
            return Optional.empty();
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The console's pages; the session door (docs/seams.md §6) is mounted before them and attaches who acts. */
    public static ConsoleDoor console(Gateway gateway, Idempotency idempotency) {
        return new ConsoleDoor(gateway.application(), gateway.events(), idempotency, gateway.clock(), gateway.zone());
    }

    /** Login and sessions, mounted first: it attaches who acts before any page runs (docs/seams.md §6). */
    public static SessionDoor session(Gateway gateway, ConsoleLogin login) {
        return new SessionDoor(login, new io.liaison.gateway.application.ConsoleSessions(new JdbcSessionStore(gateway.dataSource())), gateway.application().actors(), gateway.audit(),
                gateway.clock());
    }

    /**
     * {@code gateway.console.*}: the OpenID Connect providers people log in with, the console's address for
     * the redirect back, the session time-outs. A client secret comes from its environment variable or file only.
     */
    public static ConsoleLogin consoleLogin(GatewaySettings s, HttpSettings http) {
        try {
            List<ConsoleLogin.Provider> providers = new java.util.ArrayList<>();
            for (String id : s.optional("gateway.console.oidc.providers").orElse("").split(",")) {
                if (id.isBlank()) {
                    continue;
                }
                String p = "gateway.console.oidc." + id.trim() + ".";
                providers.add(new ConsoleLogin.Provider(id.trim(), s.optional(p + "label").orElse(id.trim()), s.get(p + "issuer").trim(),
                        s.get(p + "client-id").trim(), secret(s, p + "client-secret-env", p + "client-secret-file")));
            }
            String baseUrl = s.optional("gateway.console.base-url").map(String::trim).filter(v -> !v.isEmpty())
                    .orElse((http.tls().isPresent() ? "https://" : "http://") + http.host() + ":" + http.port());
            return new ConsoleLogin(providers, baseUrl, s.duration("gateway.console.session.idle-timeout"),
                    s.duration("gateway.console.session.absolute-timeout"), http.tls().isPresent() || baseUrl.startsWith("https://"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new GatewaySettings.SettingsException("settings gateway.console.*: " + e.getMessage());
        }
    }

    private static String secret(GatewaySettings s, String envKey, String fileKey) {
        Optional<String> fromEnv = s.optional(envKey).map(String::trim).filter(v -> !v.isEmpty()).map(System::getenv)
                .filter(v -> !v.isEmpty());
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Optional<String> file = s.optional(fileKey).map(String::trim).filter(v -> !v.isEmpty());
        if (file.isEmpty()) {
            throw new GatewaySettings.SettingsException("setting " + envKey + " names no set variable and " + fileKey
                    + " is not set: the client secret is read from one of them, never from the settings file");
        }
        try {
            return Files.readString(Path.of(file.get())).strip();
        } catch (IOException e) {
            throw new GatewaySettings.SettingsException("setting " + fileKey + ": cannot read " + file.get() + ": " + e.getMessage());
        }
    }

    /** The API tokens of this gateway's database, managed by {@code token …} on the gateway host. */
    public static ApiTokens tokens(Gateway gateway) {
        return new ApiTokens(new JdbcApiTokenStore(gateway.dataSource()), gateway.application().actors(), gateway.audit(),
                gateway.clock());
    }

    /** {@code gateway.http.*}; a TLS password is read from its environment variable or file, never from the settings file. */
    public static HttpSettings settings(GatewaySettings s) {
        try {
            Optional<HttpSettings.Tls> tls = s.optional("gateway.http.tls.key-store").map(String::trim).filter(v -> !v.isEmpty())
                    .map(store -> new HttpSettings.Tls(Path.of(store), tlsPassword(s), clientAuth(s),
                            s.optional("gateway.http.tls.trust-store").map(String::trim).filter(v -> !v.isEmpty()).map(Path::of)));
            tls.filter(t -> t.clientCertificates() != HttpSettings.ClientAuth.NONE && t.trustStore().isEmpty()).ifPresent(t -> {
                throw new GatewaySettings.SettingsException("setting gateway.http.tls.trust-store: required when"
                        + " gateway.http.tls.client-auth is " + t.clientCertificates().name().toLowerCase(Locale.ROOT));
            });
            return new HttpSettings(s.get("gateway.http.host").trim(), s.integer("gateway.http.port"),
                    s.integer("gateway.http.max-body-bytes"), tls);
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
    }

    private static HttpSettings.ClientAuth clientAuth(GatewaySettings s) {
        String v = s.optional("gateway.http.tls.client-auth").map(String::trim).orElse("none");
        try {
            return HttpSettings.ClientAuth.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException("setting gateway.http.tls.client-auth: none, request or require, was " + v);
        }
    }

    private static String tlsPassword(GatewaySettings s) {
        Optional<String> fromEnv = s.optional("gateway.http.tls.password-env").map(System::getenv).filter(v -> !v.isEmpty());
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Optional<String> file = s.optional("gateway.http.tls.password-file").map(String::trim).filter(v -> !v.isEmpty());
        if (file.isEmpty()) {
            throw new GatewaySettings.SettingsException("setting gateway.http.tls.key-store is set but its password is not:"
                    + " set the variable gateway.http.tls.password-env names, or gateway.http.tls.password-file");
        }
        try {
            return Files.readString(Path.of(file.get())).strip();
        } catch (IOException e) {
            throw new GatewaySettings.SettingsException("setting gateway.http.tls.password-file: cannot read " + file.get()
                    + ": " + e.getMessage());
        }
    }
}
