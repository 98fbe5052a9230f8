package io.liaison.gateway.interfaces.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory decides at every request: once a reload no longer names the person's login, their session ends. */
class EndsTheSessionOfAPersonTheDirectoryDropsTest {
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
    void endsTheSessionAtTheNextRequestAfterTheReload() throws Exception {
        Optional<String> session = LoginFixture.sessionCookie(f.login("sato", "/board"));
        assertEquals(200, f.get("/board", session).statusCode());

        f.directory(work).replace("subject: sato}", "subject: sato-2027}").write();
        f.gateway.directoryReloader().reload("test");

        HttpResponse<String> after = f.get("/board", session);
        assertEquals(403, after.statusCode(), after.body());
        assertEquals("no longer in the directory", f.audit("session.logout").get(0).details().get("reason"));
        assertEquals(302, f.get("/board", session).statusCode(), "the session is gone, not only refused once");
    }
}
