package io.liaison.gateway.interfaces.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login the provider vouches for still needs the directory: a subject nobody in the directory logs in as
 * is refused (403, audited, no session). A callback whose state was changed, or one replayed, is refused.
 */
class RefusesLoginsTheDirectoryOrStateDoNotAllowTest {
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
    void refusesASubjectTheDirectoryDoesNotKnowAndAuditsIt() throws Exception {
        HttpResponse<String> back = f.login("mallory", "/board");
        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("directory"), back.body());
        assertEquals(Optional.empty(), LoginFixture.setCookie(back), "no session for an unknown person");
        assertEquals(1, f.audit("session.refused").size());
        assertEquals("mallory", f.audit("session.refused").get(0).details().get("subject"));
        assertEquals(0, f.audit("session.login").size());
    }

    @Test
    void refusesATamperedState() throws Exception {
        URI callback = f.toProvider("sato", "/board");
        URI tampered = URI.create(callback.toString().replaceFirst("state=([^&]+)", "state=$1x"));
        HttpResponse<String> back = f.callback(tampered);
        assertEquals(400, back.statusCode());
        assertEquals(Optional.empty(), LoginFixture.setCookie(back));
        assertEquals(0, f.audit("session.login").size());
    }

    @Test
    void refusesAReplayedCallback() throws Exception {
        URI callback = f.toProvider("sato", "/board");
        assertEquals(302, f.callback(callback).statusCode());
        HttpResponse<String> again = f.callback(callback);
        assertEquals(400, again.statusCode(), "a state is used once");
        assertEquals(Optional.empty(), LoginFixture.setCookie(again));
        assertEquals(1, f.audit("session.login").size());
    }
}
