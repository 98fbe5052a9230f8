package io.liaison.gateway.interfaces.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.HttpDoors;
import io.liaison.gateway.application.Idempotency;
import io.liaison.gateway.application.PersonId;
import io.liaison.gateway.application.Via;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.interfaces.http.HttpSettings;
import io.liaison.gateway.interfaces.web.WebRequest;
import io.liaison.gateway.store.jdbc.JdbcIdempotencyStore;
import io.liaison.gateway.testing.GatewayHarness;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real gateway with the console on a free loopback port. In place of the session door, a test handler
 * attaches the person named by the {@code X-Test-Person} header as a console actor (resolved from the
 * directory), with the CSRF token {@code test-csrf}; a request without the header has no session.
 */
final class ConsoleFixture implements AutoCloseable {
    /** One demo person per role: NISC duty, NISC approver, METI liaison, power CEPTOAR, East Power SOC, West Power SOC. */
    static final List<String> PEOPLE = List.of("sato", "kimura", "yamada", "ito", "nakamura", "kobayashi");
    static final String PERSON_HEADER = "X-Test-Person";

    final GatewayHarness harness;
    final Gateway gateway;
    final GatewayHttpServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ConsoleFixture(Path work) throws Exception {
        harness = GatewayHarness.start(work);
        gateway = harness.gateway();
        GatewayHttpServer.Door session = (vertx, router) -> router.route().order(-500).handler(ctx -> {
            String person = ctx.request().getHeader(PERSON_HEADER);
            if (person != null) {
                WebRequest.attach(ctx, gateway.application().actors().resolvePerson(new PersonId(person), Via.CONSOLE), "test-csrf",
                        Locale.JAPANESE);
            }
            ctx.next();
        });
        server = GatewayHttpServer.start(HttpSettings.loopback(0), List.of(session, HttpDoors.console(gateway,
                new Idempotency(new JdbcIdempotencyStore(gateway.dataSource()), gateway.clock()))));
    }

    HttpResponse<String> get(String person, String path) throws Exception {
        return get(person, path, Map.of());
    }

    HttpResponse<String> get(String person, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(b::header);
        if (person != null) {
            b.header(PERSON_HEADER, person);
        }
        return checked(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A form post, with the session's CSRF field as the page's form carries it. */
    HttpResponse<String> post(String person, String path, Map<String, List<String>> form) throws Exception {
        String body = form.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        body = (body.isEmpty() ? "" : body + "&") + WebRequest.CSRF_FIELD + "=test-csrf";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (person != null) {
            b.header(PERSON_HEADER, person);
        }
        return checked(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return m;
    }

    /** The value of the hidden field {@code name} in a page. */
    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no field " + name + " in " + html);
        }
        return m.group(1);
    }

    /**
     * Every HTML answer: the strict CSP and no inline script or style — a script element only with a
     * src, no style element, no style or on… attribute.
     */
    private static HttpResponse<String> checked(HttpResponse<String> r) {
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertEquals(true, csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"), csp);
            String body = r.body();
            assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(body).find(), "an inline script: " + body);
            assertFalse(Pattern.compile("<style[\\s>]").matcher(body).find(), "a style element: " + body);
            assertFalse(Pattern.compile("<[^>]+\\sstyle=").matcher(body).find(), "a style attribute: " + body);
            assertFalse(Pattern.compile("<[^>]+\\son[a-z]+=").matcher(body).find(), "an event handler attribute: " + body);
        }
        return r;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
        harness.close();
    }
}
