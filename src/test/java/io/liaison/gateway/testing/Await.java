package io.liaison.gateway.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a condition that other threads make true; a generous limit only stops a broken test. */
public final class Await {
    private Await() {
    }

    public static <T> T until(Supplier<T> value, java.util.function.Predicate<T> done, Duration limit, String what) {
        Instant until = Instant.now().plus(limit);
        T v = value.get();
        while (!done.test(v)) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what + "; last seen: " + v);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
            v = value.get();
        }
        return v;
    }
}
