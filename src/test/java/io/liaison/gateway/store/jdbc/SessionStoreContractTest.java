package io.liaison.gateway.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.SessionStore;
import io.liaison.gateway.store.ConsoleSession;
import io.liaison.gateway.store.PendingLogin;
import io.liaison.gateway.testing.TestDatabase;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link SessionStore} must do: a session reads back as stored, is touched and ended
 * once; a pending login is taken once only (a replayed state finds nothing) and abandoned ones are dropped.
 */
abstract class SessionStoreContractTest {
    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private Database db;

    protected abstract TestDatabase freshDatabase();

    SessionStore store() {
        return new JdbcSessionStore(db.dataSource());
    }

    @BeforeEach
    void open() {
        TestDatabase t = freshDatabase();
        db = Database.open(t.url(), t.user(), t.password());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readsASessionBackTouchesItAndEndsItOnce() {
        ConsoleSession s = new ConsoleSession("a".repeat(64), "http://127.0.0.1:8089/demo", "sato", "demo", NOW, NOW);
        store().create(s);
        assertEquals(Optional.of(s), store().find("a".repeat(64)));
        assertEquals(Optional.empty(), store().find("b".repeat(64)));

        assertTrue(store().touch("a".repeat(64), NOW.plusSeconds(60)));
        assertEquals(NOW.plusSeconds(60), store().find("a".repeat(64)).orElseThrow().lastSeenAt());
        assertEquals(NOW, store().find("a".repeat(64)).orElseThrow().createdAt(), "the absolute clock does not move");

        assertTrue(store().delete("a".repeat(64)));
        assertFalse(store().delete("a".repeat(64)), "ended once");
        assertFalse(store().touch("a".repeat(64), NOW.plusSeconds(90)), "an ended session is not revived");
        assertEquals(Optional.empty(), store().find("a".repeat(64)));
    }

    @Test
    void endsIdleAndOldSessionsOnly() {
        store().create(new ConsoleSession("1".repeat(64), "iss", "idle", "demo", NOW, NOW));
        store().create(new ConsoleSession("2".repeat(64), "iss", "old", "demo", NOW.minusSeconds(7200), NOW.plusSeconds(600)));
        store().create(new ConsoleSession("3".repeat(64), "iss", "fresh", "demo", NOW, NOW.plusSeconds(600)));
        assertEquals(2, store().endExpired(NOW.plusSeconds(1), NOW.minusSeconds(3600)));
        assertEquals(Optional.empty(), store().find("1".repeat(64)));
        assertEquals(Optional.empty(), store().find("2".repeat(64)));
        assertTrue(store().find("3".repeat(64)).isPresent());
    }

    @Test
    void takesAPendingLoginOnceOnly() {
        PendingLogin l = new PendingLogin("c".repeat(64), "demo", "nonce-1", "verifier-1", "/board", NOW);
        store().begin(l);
        assertEquals(Optional.of(l), store().take("c".repeat(64)));
        assertEquals(Optional.empty(), store().take("c".repeat(64)), "a replayed state finds nothing");
    }

    @Test
    void forgetsAbandonedLogins() {
        store().begin(new PendingLogin("d".repeat(64), "demo", "n", "v", "/", NOW));
        store().begin(new PendingLogin("e".repeat(64), "demo", "n", "v", "/", NOW.plusSeconds(600)));
        assertEquals(1, store().forgetLoginsBefore(NOW.plusSeconds(1)));
        assertEquals(Optional.empty(), store().take("d".repeat(64)));
        assertTrue(store().take("e".repeat(64)).isPresent());
    }
}
