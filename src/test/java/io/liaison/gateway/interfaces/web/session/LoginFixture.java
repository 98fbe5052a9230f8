package io.liaison.gateway.interfaces.web.session;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import io.liaison.gateway.app.HttpDoors;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.demo.DemoIdentityProvider;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.GatewayHarness;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A real gateway served by {@link HttpDoors#start} (session door, API, console pages) with the demo OpenID
 * Connect provider on a free loopback port; the sample directory's demo issuer is rewritten to that port.
 * Idle time-out 30 minutes, absolute 2 hours, on the harness's clock. Redirects are followed by hand.
 */
final class LoginFixture implements AutoCloseable {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(2);

    final GatewayHarness harness;
    final DemoIdentityProvider provider;
    final Gateway gateway;
    final GatewayHttpServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    LoginFixture(Path work) throws Exception {
        harness = GatewayHarness.start(work);
        provider = DemoIdentityProvider.start(0);
        Path directory = directory(work).write();
        Path secret = work.resolve("client-secret.txt");
        Files.writeString(secret, "demo-secret\n");
        int port = GatewayHarness.freePort();
        Properties p = new Properties();
        p.setProperty("gateway.directory", directory.toString());
        p.setProperty("gateway.http.port", String.valueOf(port));
        p.setProperty("gateway.console.oidc.providers", "demo");
        p.setProperty("gateway.console.oidc.demo.issuer", provider.issuer());
        p.setProperty("gateway.console.oidc.demo.client-id", "liaison-gateway");
        p.setProperty("gateway.console.oidc.demo.client-secret-file", secret.toString());
        p.setProperty("gateway.console.session.idle-timeout", "30m");
        p.setProperty("gateway.console.session.absolute-timeout", "2h");
        gateway = harness.gatewayWith(p);
        Properties all = harness.overrides();
        all.putAll(p);
        server = HttpDoors.start(gateway, GatewaySettings.load(Optional.empty(), all));
    }

    /** The sample directory as this fixture serves it (the demo issuer on the provider's port), to edit and reload. */
    EditedDirectory directory(Path work) throws java.io.IOException {
        return EditedDirectory.ofSample(Files.createDirectories(work.resolve("dir"))).replace("http://127.0.0.1:8089/demo",
                provider.issuer());
    }

    /** A login through the provider's form as {@code subject}, from {@code next}; the callback's answer. */
    HttpResponse<String> login(String subject, String next) throws Exception {
        return callback(toProvider(subject, next));
    }

    /** Up to the provider's redirect back: the callback URL carrying code and state, not yet followed. */
    URI toProvider(String subject, String next) throws Exception {
        HttpResponse<String> login = get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), Optional.empty());
        if (login.statusCode() != 302) {
            throw new AssertionError("/login: " + login.statusCode() + " " + login.body());
        }
        URI authorize = URI.create(location(login));
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (form.statusCode() != 200 || !form.body().contains("name=\"username\"")) {
            throw new AssertionError("the provider's login form: " + form.statusCode() + " " + form.body());
        }
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&claims="))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new AssertionError("the provider's answer: " + signedIn.statusCode() + " " + signedIn.body());
        }
        return URI.create(location(signedIn));
    }

    HttpResponse<String> callback(URI callback) throws Exception {
        return http.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie's value set by a response. */
    static Optional<String> sessionCookie(HttpResponse<?> r) {
        return setCookie(r).map(c -> c.substring("lg_session=".length(), c.indexOf(';')));
    }

    static Optional<String> setCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("lg_session=")).findFirst();
    }

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + r.statusCode()));
    }

    HttpResponse<String> get(String path, Optional<String> session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60)).GET();
        session.ifPresent(s -> b.header("Cookie", "lg_session=" + s));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Optional<String> session, String form, Optional<String> csrfHeader) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        session.ifPresent(s -> b.header("Cookie", "lg_session=" + s));
        csrfHeader.ifPresent(c -> b.header("X-CSRF-Token", c));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<AuditEntry> audit(String action) {
        return gateway.audit().read(Optional.empty(), Optional.empty()).stream().filter(e -> e.action().equals(action)).toList();
    }

    @Override
    public void close() {
        server.close();
        harness.close();
        provider.close();
    }
}
