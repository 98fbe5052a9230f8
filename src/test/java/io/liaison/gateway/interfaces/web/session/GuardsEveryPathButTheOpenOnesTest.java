package io.liaison.gateway.interfaces.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.app.HttpDoors;
import io.liaison.gateway.store.ApiTokenScope;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a session a page is a redirect to the login and anything else a 401; with one, a request that may
 * change something needs the session's CSRF token (form field or header) or is refused with nothing done.
 * The API keeps its bearer tokens: the session cookie alone opens none of it.
 */
class GuardsEveryPathButTheOpenOnesTest {
    @TempDir
    Path work;
    LoginFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new LoginFixture(work);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void withoutASessionAPageRedirectsToTheLoginAndAPostIsUnauthorised() throws Exception {
        HttpResponse<String> page = f.get("/notices/X-1?tab=chain", Optional.empty());
        assertEquals(302, page.statusCode());
        assertEquals("/login?next=%2Fnotices%2FX-1%3Ftab%3Dchain", LoginFixture.location(page));
        assertEquals(401, f.post("/compose", Optional.empty(), "x=1", Optional.empty()).statusCode());
        assertEquals(401, f.post("/logout", Optional.of("made-up"), "_csrf=x", Optional.empty()).statusCode());
        assertEquals(200, f.get("/health", Optional.empty()).statusCode(), "open");
        assertEquals(302, f.get("/login", Optional.empty()).statusCode(), "open (one provider: straight to it)");
    }

    @Test
    void refusesAChangeWithoutTheRightCsrfTokenAndStoresNothing() throws Exception {
        Optional<String> session = LoginFixture.sessionCookie(f.login("sato", "/board"));
        HttpResponse<String> missing = f.post("/logout", session, "", Optional.empty());
        assertEquals(403, missing.statusCode());
        assertTrue(missing.body().contains("token"), missing.body());
        assertEquals(403, f.post("/logout", session, "_csrf=wrong", Optional.empty()).statusCode());
        assertEquals(403, f.post("/logout", session, "", Optional.of("wrong")).statusCode());
        assertEquals(0, f.audit("session.logout").size(), "nothing done");
        assertEquals(200, f.get("/board", session).statusCode(), "the session is still there");

        String csrf = SessionDoor.csrfToken(session.orElseThrow());
        assertEquals(200, f.post("/logout", session, "", Optional.of(csrf)).statusCode(), "the header carries it for scripts");
    }

    @Test
    void theApiKeepsItsBearerTokensAndACookieOpensNoneOfIt() throws Exception {
        Optional<String> session = LoginFixture.sessionCookie(f.login("sato", "/board"));
        assertEquals(401, f.get("/api/v1/notices", session).statusCode(), "a session cookie is not an API credential");

        ApiTokens tokens = HttpDoors.tokens(f.gateway);
        Actor admin = f.gateway.application().actors().resolveLocal("nisc-duty");
        String token = tokens.issue(admin, "nisc-duty", Optional.of("sato"), ApiTokenScope.READ, Duration.ofDays(1), "test").text();
        HttpResponse<String> api = f.http.send(HttpRequest.newBuilder(URI.create(f.server.baseUrl() + "/api/v1/notices"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());
    }
}
