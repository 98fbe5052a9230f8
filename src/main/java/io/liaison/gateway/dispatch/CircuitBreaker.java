package io.liaison.gateway.dispatch;

import io.liaison.gateway.directory.ChannelKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's circuit breaker. After {@code failureThreshold} consecutive temporary failures the
 * channel's server is taken to be down: the circuit opens for {@code coolDown}, and while it is open the
 * dispatcher defers deliveries instead of spending their attempts on a server known to be down. After
 * the cool-down one more failure opens it again at once (half-open); a success closes it.
 *
 * <p>Own code rather than resilience4j: the state must follow the gateway's injected clock so tests move
 * it, and camel-resilience4j wraps route steps, whereas deferral happens inside the dispatcher.
 */
public final class CircuitBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private final ChannelKind channel;
    private final int failureThreshold;
    private final Duration coolDown;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openUntil;

    public CircuitBreaker(ChannelKind channel, int failureThreshold, Duration coolDown, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("circuit breaker failure threshold must be at least 1");
        }
        if (coolDown.isNegative() || coolDown.isZero()) {
            throw new IllegalArgumentException("circuit breaker cool-down must be positive");
        }
        this.channel = channel;
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** A breaker that never opens, for dispatchers built without one. */
    public static CircuitBreaker never(ChannelKind channel, Clock clock) {
        return new CircuitBreaker(channel, Integer.MAX_VALUE, Duration.ofSeconds(1), clock);
    }

    /** True while deliveries must wait: the circuit is open and its cool-down has not passed. */
    public synchronized boolean isOpen() {
        return openUntil != null && clock.instant().isBefore(openUntil);
    }

    /** When an open circuit lets the next attempt through. */
    public synchronized Optional<Instant> openUntil() {
        return isOpen() ? Optional.of(openUntil) : Optional.empty();
    }

    public synchronized void recordSuccess() {
        if (openUntil != null || consecutiveFailures >= failureThreshold) {
            LOG.info("{} circuit closed: the server accepts again", channel.yamlName());
        }
        consecutiveFailures = 0;
        openUntil = null;
    }

    /** A temporary failure: the server is busy or unreachable. Permanent refusals are the message's fault, not counted. */
    public synchronized void recordTemporaryFailure() {
        consecutiveFailures++;
        if (consecutiveFailures >= failureThreshold) {
            boolean wasOpen = isOpen();
            openUntil = clock.instant().plus(coolDown);
            if (!wasOpen) {
                LOG.warn("{} circuit open until {} after {} consecutive temporary failures; deliveries wait",
                        channel.yamlName(), openUntil, consecutiveFailures);
            }
        }
    }

    public synchronized BreakerStatus status() {
        return new BreakerStatus(channel, isOpen(), openUntil(), consecutiveFailures);
    }

    /**
     * What the status table shows for a channel.
     *
     * @param consecutiveFailures temporary failures since the last success
     */
    public record BreakerStatus(ChannelKind channel, boolean open, Optional<Instant> openUntil, int consecutiveFailures) {
    }
}
