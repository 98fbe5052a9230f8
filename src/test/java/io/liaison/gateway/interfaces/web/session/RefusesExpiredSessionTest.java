package io.liaison.gateway.interfaces.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session ends after 30 minutes unused, and 2 hours after the login however busy (the fixture's settings),
 * on the gateway's clock; the end is audited as {@code session.logout} with its reason.
 */
class RefusesExpiredSessionTest {
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
    void endsASessionUnusedForTheIdleTime() throws Exception {
        Optional<String> session = LoginFixture.sessionCookie(f.login("sato", "/board"));
        f.harness.clock.advance(LoginFixture.IDLE.minusMinutes(1));
        assertEquals(200, f.get("/board", session).statusCode(), "used within the idle time");
        f.harness.clock.advance(LoginFixture.IDLE.minusMinutes(1));
        assertEquals(200, f.get("/board", session).statusCode(), "each use restarts the idle time");
        f.harness.clock.advance(LoginFixture.IDLE);
        assertEquals(302, f.get("/board", session).statusCode());
        assertEquals("idle time-out", f.audit("session.logout").get(0).details().get("reason"));
        f.harness.clock.advance(Duration.ofSeconds(-1));
        assertEquals(302, f.get("/board", session).statusCode(), "ended for good, not only while late");
    }

    @Test
    void endsABusySessionAtTheAbsoluteTime() throws Exception {
        Optional<String> session = LoginFixture.sessionCookie(f.login("sato", "/board"));
        Duration step = Duration.ofMinutes(20);
        for (Duration used = Duration.ZERO; used.plus(step).compareTo(LoginFixture.ABSOLUTE) < 0; used = used.plus(step)) {
            f.harness.clock.advance(step);
            assertEquals(200, f.get("/board", session).statusCode(), "busy at " + used.plus(step));
        }
        f.harness.clock.advance(step);
        assertEquals(302, f.get("/board", session).statusCode());
        assertEquals("absolute time-out", f.audit("session.logout").get(0).details().get("reason"));
    }
}
