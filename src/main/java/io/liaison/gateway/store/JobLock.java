package io.liaison.gateway.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a periodic job (the escalation clock, and any job that must happen once however many gateways share
 * the database) on one gateway at a time. A gateway whose turn it is not simply skips the run: the job runs
 * on a timer, and the next tick on whichever gateway holds the lock takes what fell due.
 *
 * <p>This keeps the work in one place; what a job decides is still written with the conditions that make it
 * once-only by itself (an escalation step moves its watch from step n-1 to n in the same transaction), so
 * a lock lost halfway (the database restarted) never lets a step be taken twice.
 */
public interface JobLock {

    /** Runs {@code work} unless the job named {@code job} is running elsewhere right now; returns whether it ran. */
    boolean runAlone(String job, Runnable work);

    /**
     * Takes the job's turn for a run that begins and ends in separate calls (a mailbox poll: Camel begins it,
     * the messages are taken, Camel commits it), or empty when another gateway has the turn right now.
     * Closing the turn ends it. For a job with a single runner in each process (its poller); in one process on
     * its own database there is nobody to wait for, and the turn is always given.
     */
    default Optional<Turn> tryTake(String job) {
        return Optional.of(() -> { });
    }

    /** A job's turn, from {@link #tryTake}; closing it lets the other gateways run the job. */
    @FunctionalInterface
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * One process on its own database: a lock per job name inside this process. A run waits for the one under
     * way (as a synchronized method would): a caller that runs the job by hand (a test, an operator's command)
     * then sees its own run, not a skip.
     */
    static JobLock local() {
        Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
        return (job, work) -> {
            ReentrantLock lock = locks.computeIfAbsent(job, j -> new ReentrantLock());
            lock.lock();
            try {
                work.run();
                return true;
            } finally {
                lock.unlock();
            }
        };
    }
}
