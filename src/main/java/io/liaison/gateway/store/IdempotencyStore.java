package io.liaison.gateway.store;

import java.util.Optional;

/**
 * The first answer to each idempotency key of a caller. {@link #remember} stores it unless the key is
 * already taken, in which case the stored answer wins and is returned: two requests racing on one key
 * get one answer.
 */
public interface IdempotencyStore {

    /** @param requestSha256 what was asked; a replay with another request under the same key is a conflict */
    record Answer(String requestSha256, int status, String contentType, String body) {
    }

    Optional<Answer> find(String caller, String key);

    /** Stores {@code answer} under (caller, key); returns the answer that holds the key afterwards. */
    Answer remember(String caller, String key, Answer answer, java.time.Instant now);
}
