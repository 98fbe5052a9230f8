package io.liaison.gateway.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircuitBreakerOpensAfterConsecutiveTemporaryFailuresTest {
    private final MutableClock clock = MutableClock.sampleDay();
    private final CircuitBreaker breaker = new CircuitBreaker(ChannelKind.SMS, 3, Duration.ofSeconds(30), clock);

    @Test
    void opensAtTheThresholdForTheCoolDownThenOneFailureReopensIt() {
        breaker.recordTemporaryFailure();
        breaker.recordTemporaryFailure();
        assertFalse(breaker.isOpen());
        breaker.recordTemporaryFailure();
        assertTrue(breaker.isOpen());
        assertEquals(Optional.of(clock.instant().plusSeconds(30)), breaker.openUntil());

        clock.advance(Duration.ofSeconds(30));
        assertFalse(breaker.isOpen(), "after the cool-down one attempt may go");
        breaker.recordTemporaryFailure();
        assertTrue(breaker.isOpen(), "half-open: one more failure reopens at once");
    }

    @Test
    void aSuccessClosesAndResetsTheCount() {
        breaker.recordTemporaryFailure();
        breaker.recordTemporaryFailure();
        breaker.recordSuccess();
        breaker.recordTemporaryFailure();
        breaker.recordTemporaryFailure();
        assertFalse(breaker.isOpen());
        assertEquals(2, breaker.status().consecutiveFailures());
    }
}
