package io.liaison.gateway.audit;

import java.time.Instant;

/** Signs a chain head with the gateway key. */
@FunctionalInterface
public interface CheckpointSigner {
    /** @throws AuditException when the key cannot sign */
    AuditCheckpoint sign(long sequence, String hash, Instant at);
}
