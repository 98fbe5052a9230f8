package io.liaison.gateway.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed chain head: the gateway key's detached OpenPGP signature (ASCII armour) over
 * {@link AuditChain#checkpointPayload(long, String) "<sequence> <hash>"}.
 *
 * @param signer the fingerprint of the key that signed (upper-case hex), so a rolled key's checkpoints are told apart
 */
public record AuditCheckpoint(long sequence, String hash, Instant at, String signer, String signature) {
    public AuditCheckpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signature, "signature");
    }
}
