package io.liaison.gateway.interfaces.web.browser;

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
import io.liaison.gateway.testing.HeadlessChromium;
import io.vertx.core.http.Cookie;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real gateway with the console on a free loopback port, for a real browser. Until the session door (OIDC
 * login, interfaces.web.session) is on main, a stand-in attaches who acts: {@code GET /test/as/PERSON} sets a
 * cookie naming the person and redirects to {@code /}; every later request with that cookie acts as the
 * person (resolved from the directory, via CONSOLE) with the CSRF token {@code test-csrf}, which the pages
 * put in their forms. Nothing else about the pages is stood in for: the browser runs the served script,
 * follows the redirects, submits the forms and listens to the live events.
 */
final class BrowserConsole implements AutoCloseable {
    private static final String COOKIE = "test-person";

    final GatewayHarness harness;
    final Gateway gateway;
    final GatewayHttpServer server;
    private final HeadlessChromium browser;

    BrowserConsole(Path work, HeadlessChromium browser) throws Exception {
        this.browser = browser;
        harness = GatewayHarness.start(work);
        gateway = harness.gateway();
        GatewayHttpServer.Door session = (vertx, router) -> {
            router.get("/test/as/:person").order(-600).handler(ctx -> ctx.response()
                    .addCookie(Cookie.cookie(COOKIE, ctx.pathParam("person")).setPath("/").setHttpOnly(true))
                    .putHeader("Location", "/").setStatusCode(302).end());
            router.route().order(-500).handler(ctx -> {
                Cookie who = ctx.request().getCookie(COOKIE);
                if (who != null) {
                    WebRequest.attach(ctx, gateway.application().actors().resolvePerson(new PersonId(who.getValue()), Via.CONSOLE),
                            "test-csrf", Locale.JAPANESE);
                }
                ctx.next();
            });
        };
        server = GatewayHttpServer.start(HttpSettings.loopback(0), List.of(session, HttpDoors.console(gateway,
                new Idempotency(new JdbcIdempotencyStore(gateway.dataSource()), gateway.clock()))));
    }

    WebDriver driver() {
        return browser.driver();
    }

    /** The browser now acts as {@code person}; it lands on that role's home. */
    void actAs(String person) {
        driver().manage().deleteAllCookies();
        driver().get(server.baseUrl() + "/test/as/" + person);
    }

    void open(String path) {
        driver().get(server.baseUrl() + path);
    }

    /** Waits (polling the page, at most 30 s) until {@code condition} holds; what the page shows live, not a pause. */
    <T> T until(Function<WebDriver, T> condition) {
        // the live page replaces its main element when it changes: an element found a moment ago may be gone
        return new WebDriverWait(driver(), Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    @Override
    public void close() {
        server.close();
        harness.close();
    }
}
