package io.liaison.gateway.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential back-off between attempts of one delivery.
 *
 * @param maxAttempts attempts before the delivery is failed for good
 */
public record RetryPolicy(Duration firstDelay, double multiplier, Duration maxDelay, int maxAttempts) {

    public RetryPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("first retry delay must be positive");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("retry multiplier must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(10), 30);
    }

    /** When to try again after {@code attemptsSoFar} failed attempts, or empty to give up. */
    public Optional<Instant> nextAttempt(int attemptsSoFar, Instant now) {
        if (attemptsSoFar >= maxAttempts) {
            return Optional.empty();
        }
        double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, attemptsSoFar - 1));
        long capped = (long) Math.min(millis, maxDelay.toMillis());
        return Optional.of(now.plusMillis(capped));
    }
}
