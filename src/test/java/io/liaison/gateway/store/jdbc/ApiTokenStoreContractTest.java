package io.liaison.gateway.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.ApiToken;
import io.liaison.gateway.store.ApiTokenScope;
import io.liaison.gateway.store.ApiTokenStore;
import io.liaison.gateway.store.IdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link ApiTokenStore} and {@link IdempotencyStore} must do: tokens read back as
 * stored (only the secret's hash), revoked once, expired by time; an idempotency key keeps its first answer.
 */
abstract class ApiTokenStoreContractTest {
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    abstract ApiTokenStore tokens();

    abstract IdempotencyStore idempotency();

    static ApiToken token(String id, String poc, Optional<String> person, ApiTokenScope scope, Instant created) {
        return new ApiToken(id, "a".repeat(64), "east-power", poc, person, scope, "SOC automation", created,
                created.plus(Duration.ofDays(90)), Optional.empty(), Optional.empty());
    }

    @Test
    void readsATokenBackAsStoredAndListsNewestFirst() {
        ApiToken older = token("aaaaaaaaaaaaaaaa", "east-power-soc", Optional.empty(), ApiTokenScope.READ, NOW);
        ApiToken newer = token("bbbbbbbbbbbbbbbb", "east-power-soc", Optional.of("suzuki"), ApiTokenScope.ACT, NOW.plusSeconds(60));
        tokens().add(older);
        tokens().add(newer);

        assertEquals(Optional.of(newer), tokens().find("bbbbbbbbbbbbbbbb"));
        assertEquals(List.of(newer, older), tokens().all());
        assertEquals(Optional.empty(), tokens().find("cccccccccccccccc"));
    }

    @Test
    void revokesOnceAndAnExpiredTokenIsNotUsable() {
        tokens().add(token("aaaaaaaaaaaaaaaa", "east-power-soc", Optional.empty(), ApiTokenScope.ACT, NOW));

        assertTrue(tokens().revoke("aaaaaaaaaaaaaaaa", NOW.plusSeconds(5)));
        assertFalse(tokens().revoke("aaaaaaaaaaaaaaaa", NOW.plusSeconds(9)), "a second revocation changes nothing");
        assertFalse(tokens().revoke("zzzzzzzzzzzzzzzz", NOW), "no such token");
        ApiToken revoked = tokens().find("aaaaaaaaaaaaaaaa").orElseThrow();
        assertEquals(Optional.of(NOW.plusSeconds(5)), revoked.revokedAt());
        assertFalse(revoked.usableAt(NOW.plusSeconds(6)));

        ApiToken fresh = token("bbbbbbbbbbbbbbbb", "east-power-soc", Optional.empty(), ApiTokenScope.READ, NOW);
        assertTrue(fresh.usableAt(NOW.plus(Duration.ofDays(89))));
        assertFalse(fresh.usableAt(NOW.plus(Duration.ofDays(90))), "expired at its expiry instant");
    }

    @Test
    void theFirstAnswerToAnIdempotencyKeyWins() {
        IdempotencyStore.Answer first = new IdempotencyStore.Answer("1".repeat(64), 201, "application/json", "{\"reference\":\"A\"}");
        IdempotencyStore.Answer second = new IdempotencyStore.Answer("1".repeat(64), 201, "application/json", "{\"reference\":\"B\"}");

        assertEquals(first, idempotency().remember("east-power-soc", "k-1", first, NOW));
        assertEquals(first, idempotency().remember("east-power-soc", "k-1", second, NOW), "the stored answer is returned");
        assertEquals(Optional.of(first), idempotency().find("east-power-soc", "k-1"));
        assertEquals(Optional.empty(), idempotency().find("west-power-soc", "k-1"), "keys are per caller");
    }
}
