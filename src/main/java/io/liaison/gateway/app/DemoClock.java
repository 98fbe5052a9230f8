package io.liaison.gateway.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's clock: the system clock, plus whatever time the demo skipped so that a confirmation
 * deadline passes at once instead of after fifteen real minutes.
 */
final class DemoClock extends Clock {
    private volatile Duration skipped = Duration.ZERO;

    void skip(Duration d) {
        skipped = skipped.plus(d);
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
