package io.liaison.gateway.store;

import java.time.Instant;

/**
 * A login sent to a provider and not yet back: the nonce and PKCE verifier stay here, never in the
 * browser; {@code nextPath} is the local path to land on.
 */
public record PendingLogin(String stateSha256, String provider, String nonce, String codeVerifier, String nextPath,
                    Instant createdAt) {
}
