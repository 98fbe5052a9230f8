package io.liaison.gateway.dispatch;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a dispatcher's time goes, summed over its threads: claiming from the store, preparing
 * (rendering, signing, encrypting), handing over to the server, recording outcomes. Cheap enough to
 * keep always; read by the benchmark and by anyone asking why a fan-out was slow.
 */
public final class DispatchTimings {
    final LongAdder claimNanos = new LongAdder();
    final LongAdder prepareNanos = new LongAdder();
    final LongAdder handOverNanos = new LongAdder();
    final LongAdder recordNanos = new LongAdder();
    final LongAdder handedOver = new LongAdder();

    /** A consistent-enough copy for reporting. */
    public record Snapshot(long claimNanos, long prepareNanos, long handOverNanos, long recordNanos, long handedOver) {
    }

    public Snapshot snapshot() {
        return new Snapshot(claimNanos.sum(), prepareNanos.sum(), handOverNanos.sum(), recordNanos.sum(), handedOver.sum());
    }

    public void reset() {
        claimNanos.reset();
        prepareNanos.reset();
        handOverNanos.reset();
        recordNanos.reset();
        handedOver.reset();
    }
}
