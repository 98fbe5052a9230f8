package io.liaison.gateway.dispatch.sms;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces submissions evenly so the ESME never exceeds the per-second rate agreed with the SMSC operator;
 * exceeding it only earns ESME_RTHROTTLED and a retry later. Even spacing (rather than bursts) also keeps
 * the rate under the cap in any one-second window.
 */
final class SendPacer {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    SendPacer(int perSecond) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    /** Blocks until this caller may send one PDU. */
    void awaitTurn() throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
