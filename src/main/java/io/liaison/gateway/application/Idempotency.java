package io.liaison.gateway.application;

import io.liaison.gateway.store.IdempotencyStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The API's {@code Idempotency-Key}: the first answer to a key is kept per caller (point of contact) and
 * a replay gets it again instead of acting twice; the same key with another request is a conflict.
 * Answers that did not act (a refusal before anything happened) are not kept, so a corrected request
 * may reuse the key.
 */
public final class Idempotency {
    private final IdempotencyStore store;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param requestSha256 a digest of what was asked (method, path, body) */
    public record Answer(int status, String contentType, String body, boolean replayed) {
    }

    /** Thrown when a key is reused with a different request. */
    public static final class KeyReusedException extends RuntimeException {
        public KeyReusedException(String key) {
            super("Idempotency-Key " + key + " was used before with a different request");
        }
    }

    public Answer once(Actor actor, String key, String requestSha256, Supplier<Answer> act) {
        String caller = actor.organisationId() + "/" + actor.pocId();
        Optional<IdempotencyStore.Answer> seen = store.find(caller, key);
        if (seen.isPresent()) {
            return replay(key, requestSha256, seen.get());
        }
        Answer answer = act.get();
        if (answer.status() >= 400) {
            return answer;
        }
        IdempotencyStore.Answer kept = store.remember(caller, key,
                new IdempotencyStore.Answer(requestSha256, answer.status(), answer.contentType(), answer.body()), clock.instant());
        return kept.body().equals(answer.body()) ? answer : replay(key, requestSha256, kept);
    }

    private static Answer replay(String key, String requestSha256, IdempotencyStore.Answer seen) {
        if (!seen.requestSha256().equals(requestSha256)) {
            throw new KeyReusedException(key);
        }
        return new Answer(seen.status(), seen.contentType(), seen.body(), true);
    }
}
