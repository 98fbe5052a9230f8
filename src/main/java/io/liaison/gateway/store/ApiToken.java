package io.liaison.gateway.store;

import java.time.Instant;
import java.util.Optional;

/**
 * An API token as stored: its public id, the SHA-256 of its secret (the secret itself is shown once and
 * never kept), whom it acts for, its scope and its life.
 *
 * @param person the directory person it acts as, when issued to one; otherwise the point of contact acts
 */
public record ApiToken(String id, String secretSha256, String organisationId, String pocId, Optional<String> person,
                       ApiTokenScope scope, String label, Instant createdAt, Instant expiresAt,
                       Optional<Instant> revokedAt, Optional<Instant> lastUsedAt) {

    /** Usable at {@code now}: neither revoked nor expired. */
    public boolean usableAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
