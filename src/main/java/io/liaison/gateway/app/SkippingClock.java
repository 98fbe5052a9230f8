package io.liaison.gateway.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus whatever time was skipped, so that the demo and simulated exercises see a
 * confirmation deadline pass at once instead of after fifteen real minutes.
 */
public final class SkippingClock extends Clock {
    private volatile Duration skipped = Duration.ZERO;

    public void skip(Duration d) {
        skipped = skipped.plus(d);
    }

    /** A simulated run: jumps to {@code at} if it lies ahead; never goes back. */
    public void skipTo(Instant at) {
        Duration gap = Duration.between(instant(), at);
        if (!gap.isNegative()) {
            skip(gap);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(skipped);
    }
}
