package io.liaison.gateway.interfaces.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.audit.AuditEntry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole login against a real OpenID Connect provider: the gateway sends the person there, the provider's
 * form signs them in, the callback lands them on the page they asked for with an HttpOnly, SameSite=Lax
 * session cookie; the login and the logout are audited; a {@code next} leading off the site lands home.
 */
class LogsInThroughTheProviderTest {
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
    void landsOnTheAskedPageWithASessionAndIsAudited() throws Exception {
        HttpResponse<String> before = f.get("/board", Optional.empty());
        assertEquals(302, before.statusCode());
        assertEquals("/login?next=%2Fboard", LoginFixture.location(before));

        HttpResponse<String> back = f.login("sato", "/board");
        assertEquals(302, back.statusCode(), back.body());
        assertEquals("/board", LoginFixture.location(back));
        String cookie = LoginFixture.setCookie(back).orElseThrow();
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http on loopback (the demo): not Secure, named lg_session: " + cookie);
        assertTrue(cookie.contains("Path=/"), cookie);

        HttpResponse<String> board = f.get("/board", LoginFixture.sessionCookie(back));
        assertEquals(200, board.statusCode(), board.body());

        List<AuditEntry> logins = f.audit("session.login");
        assertEquals(1, logins.size());
        assertEquals(Optional.of("sato"), logins.get(0).who().person());
        assertEquals("nisc-duty", logins.get(0).who().pocId());
        assertEquals("demo", logins.get(0).details().get("provider"));
        assertFalse(logins.get(0).details().toString().contains("eyJ"), "no token in the trail");
    }

    @Test
    void pagesSpeakJapaneseUnlessTheLanguageSwitchOrTheBrowserAsksForEnglish() throws Exception {
        String session = LoginFixture.sessionCookie(f.login("sato", "/board")).orElseThrow();
        java.util.function.BiFunction<String, String, String> board = (cookie, accept) -> {
            try {
                return f.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.server.baseUrl() + "/board"))
                        .header("Cookie", "lg_session=" + session + cookie).header("Accept-Language", accept).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertTrue(board.apply("", "fr").contains("<html lang=\"ja\""), "Japanese by default");
        assertTrue(board.apply("", "en-GB,en;q=0.8").contains("<html lang=\"en\""), "the browser's English");
        assertTrue(board.apply("; console_lang=ja", "en").contains("<html lang=\"ja\""), "the switch wins over the browser");
        assertTrue(board.apply("; console_lang=en", "ja").contains("<html lang=\"en\""));
    }

    @Test
    void aNextLeadingOffTheSiteLandsHome() throws Exception {
        for (String next : List.of("//evil.example/x", "http://evil.example/", "/\\evil.example", "https:evil")) {
            HttpResponse<String> back = f.login("sato", next);
            assertEquals(302, back.statusCode(), next);
            assertEquals("/", LoginFixture.location(back), next);
        }
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() throws Exception {
        Optional<String> session = LoginFixture.sessionCookie(f.login("sato", "/board"));
        String csrf = SessionDoor.csrfToken(session.orElseThrow());

        HttpResponse<String> out = f.post("/logout", session, "_csrf=" + csrf, Optional.empty());
        assertEquals(200, out.statusCode(), out.body());
        assertEquals(1, f.audit("session.logout").size());
        assertEquals("logout", f.audit("session.logout").get(0).details().get("reason"));

        HttpResponse<String> after = f.get("/board", session);
        assertEquals(302, after.statusCode(), "the old cookie opens nothing");
    }
}
