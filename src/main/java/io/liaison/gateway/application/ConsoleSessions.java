package io.liaison.gateway.application;

import io.liaison.gateway.store.SessionStore;
import io.liaison.gateway.store.ConsoleSession;
import io.liaison.gateway.store.PendingLogin;
import java.time.Instant;
import java.util.Optional;

/**
 * The console's sessions and logins under way, as the session door keeps them: the application layer's side of
 * the port {@link SessionStore}, so the door (like the API's {@link ApiTokens}) reaches the store only through
 * here. The door decides who a session is (from the directory, at each request); this keeps their records.
 */
public final class ConsoleSessions {
    private final SessionStore store;

    public ConsoleSessions(SessionStore store) {
        this.store = store;
    }

    public void create(ConsoleSession session) {
        store.create(session);
    }

    public Optional<ConsoleSession> find(String idSha256) {
        return store.find(idSha256);
    }

    public boolean touch(String idSha256, Instant at) {
        return store.touch(idSha256, at);
    }

    public boolean end(String idSha256) {
        return store.delete(idSha256);
    }

    /** Ends idle and over-age sessions and forgets logins abandoned at the provider. */
    public void forgetExpired(Instant idleBefore, Instant createdBefore, Instant loginsBefore) {
        store.endExpired(idleBefore, createdBefore);
        store.forgetLoginsBefore(loginsBefore);
    }

    public void beginLogin(PendingLogin login) {
        store.begin(login);
    }

    /** The login of this state, once. */
    public Optional<PendingLogin> takeLogin(String stateSha256) {
        return store.take(stateSha256);
    }
}
