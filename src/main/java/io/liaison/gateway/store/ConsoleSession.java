package io.liaison.gateway.store;

import java.time.Instant;

/**
 * A person's session: who the provider authenticated (issuer and subject; the directory decides the rest
 * at every request), through which configured provider, and its two clocks.
 */
public record ConsoleSession(String idSha256, String issuer, String subject, String provider, Instant createdAt,
                      Instant lastSeenAt) {
}
