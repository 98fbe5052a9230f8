package io.liaison.gateway.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The console's server-side sessions and the logins under way, in the gateway's database so every node
 * sees every session (docs/seams.md §6). Only a SHA-256 of a session id or of a login's state is kept:
 * whoever reads the table cannot present either.
 */
public interface SessionStore {



    void create(ConsoleSession session);

    Optional<ConsoleSession> find(String idSha256);

    /** Records activity; false when the session no longer exists. */
    boolean touch(String idSha256, Instant at);

    /** Ends a session; false when it was already gone. */
    boolean delete(String idSha256);

    /** Ends the sessions last used before {@code idleBefore} or begun before {@code createdBefore}; how many. */
    int endExpired(Instant idleBefore, Instant createdBefore);

    void begin(PendingLogin login);

    /**
     * Takes the login of this state once: it is deleted as it is read, so a replayed callback finds
     * nothing, and two racing callbacks get it at most once.
     */
    Optional<PendingLogin> take(String stateSha256);

    /** Drops logins begun before {@code cutoff} (abandoned at the provider). */
    int forgetLoginsBefore(Instant cutoff);
}
