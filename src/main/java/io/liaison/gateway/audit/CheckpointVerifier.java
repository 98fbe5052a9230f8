package io.liaison.gateway.audit;

import java.util.Optional;

/** Judges a checkpoint's signature: empty when it is good, else what is wrong with it. */
@FunctionalInterface
public interface CheckpointVerifier {
    Optional<String> problem(AuditCheckpoint checkpoint);
}
