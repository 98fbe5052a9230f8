package io.liaison.gateway.dispatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one channel's dispatcher on a thread of its own, apart from Camel's threads, the inbound intake and
 * the other channels: nothing that fails there can stop this channel. The dispatcher runs when woken (a
 * new notice, an inbound message) and at least every poll interval (retries that fell due).
 *
 * <p>Whatever escapes a run, an {@code Error} such as running out of memory included, is logged, counted
 * and the dispatcher runs again (its unsettled claims are already back in the queue, see
 * {@link ChannelDispatcher}); should the thread itself end, a new one takes its place. Only
 * {@link #close()} stops it.
 */
public final class DispatchLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchLoop.class);

    private final ChannelDispatcher dispatcher;
    private final long pollNanos;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final AtomicInteger restarts = new AtomicInteger();
    private boolean wake;
    private volatile boolean closed;
    private volatile Thread thread;

    public DispatchLoop(ChannelDispatcher dispatcher, Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("gateway.dispatch.poll-interval-ms must be positive");
        }
        this.dispatcher = dispatcher;
        this.pollNanos = pollInterval.toNanos();
        this.name = "dispatch-" + dispatcher.kind().yamlName();
    }

    /** Starts the channel's thread; it runs the dispatcher at once. */
    public DispatchLoop start() {
        wake();
        spawn();
        return this;
    }

    /** Asks for a run as soon as the current one (if any) ends; returns at once. The routes' wake-ups call it. */
    public void wake() {
        lock.lock();
        try {
            wake = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    /** How many times a run broke off and the dispatcher was run again. */
    public int restarts() {
        return restarts.get();
    }

    public ChannelDispatcher dispatcher() {
        return dispatcher;
    }

    private void spawn() {
        Thread t = new Thread(this::run, name);
        t.setDaemon(true);
        // Last resort: the loop below lets nothing escape, but a thread can still end (an Error thrown while
        // handling an Error); the channel must not stay without one.
        t.setUncaughtExceptionHandler((dead, e) -> {
            if (!closed) {
                restarts.incrementAndGet();
                LOG.error("{} thread ended by {}; a new one takes over", name, ChannelDispatcher.describe(e), e);
                spawn();
            }
        });
        thread = t;
        t.start();
    }

    private void run() {
        while (!closed) {
            try {
                awaitWake();
                if (closed) {
                    return;
                }
                dispatcher.dispatchDue();
            } catch (InterruptedException e) {
                // nobody interrupts this thread but the JVM's end; look at closed again
            } catch (Throwable e) {
                int n = restarts.incrementAndGet();
                LOG.error("{} dispatcher stopped by {}; its unsettled deliveries are pending again; restarted ({} so far)",
                        dispatcher.kind(), ChannelDispatcher.describe(e), n, e);
            }
        }
    }

    private void awaitWake() throws InterruptedException {
        lock.lock();
        try {
            long left = pollNanos;
            while (!wake && left > 0 && !closed) {
                left = woken.awaitNanos(left);
            }
            wake = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the thread after its current run, which is not interrupted (a hand-over half done is worse
     * than a slow stop); waits for it up to 30 seconds.
     */
    @Override
    public void close() {
        closed = true;
        wake();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
