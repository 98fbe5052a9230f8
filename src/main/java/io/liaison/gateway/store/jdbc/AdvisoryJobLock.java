package io.liaison.gateway.store.jdbc;

import io.liaison.gateway.store.JobLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link JobLock} for gateways sharing a PostgreSQL database: a session-level advisory lock per job
 * ({@code pg_try_advisory_lock}), held on a session of its own, never a pooled one — a pooled session goes
 * back to the pool still holding the lock, and a pool may close it at any time. A gateway that dies loses
 * its session and with it the lock, so another gateway's next tick runs the job; no lock table to clean up,
 * no lease to renew. Advisory locks are re-entrant within a session, so the gateway's own threads are kept
 * apart by a lock in this process first (they wait for each other; only another gateway's run is skipped).
 *
 * <p>Chosen over a scheduler library (db-scheduler, Quartz clustered): the gateway's periodic jobs are
 * Camel timer routes already, each idempotent in what it writes; they need "one at a time", not a second
 * scheduler, a job table, or its polling. GoAlert coordinates its instances the same way.
 */
public final class AdvisoryJobLock implements JobLock, AutoCloseable {
    /** Opens a session outside any pool. */
    @FunctionalInterface
    public interface Sessions {
        Connection open() throws SQLException;
    }

    private final Sessions sessions;
    private final JobLock inThisProcess = JobLock.local();
    private Connection session;

    public AdvisoryJobLock(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean runAlone(String job, Runnable work) {
        AtomicBoolean ran = new AtomicBoolean();
        inThisProcess.runAlone(job, () -> {
            long key = key(job);
            if (!lock(job, key)) {
                return; // another gateway runs it now
            }
            try {
                work.run();
                ran.set(true);
            } finally {
                unlock(key);
            }
        });
        return ran.get();
    }

    @Override
    public Optional<Turn> tryTake(String job) {
        long key = key(job);
        if (!lock(job, key)) {
            return Optional.empty();
        }
        AtomicBoolean ended = new AtomicBoolean();
        return Optional.of(() -> {
            if (ended.compareAndSet(false, true)) {
                unlock(key);
            }
        });
    }

    private synchronized boolean lock(String job, long key) {
        try {
            return ask(session(), "SELECT pg_try_advisory_lock(?)", key);
        } catch (SQLException e) {
            drop();
            throw new StoreException("cannot take the cluster lock of job " + job + ": " + e.getMessage(), e);
        }
    }

    private synchronized void unlock(long key) {
        if (session == null) {
            return;
        }
        try {
            ask(session, "SELECT pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            drop(); // the lock ends with the session
        }
    }

    private static boolean ask(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Connection session() throws SQLException {
        if (session == null || session.isClosed()) {
            session = sessions.open();
            session.setAutoCommit(true);
        }
        return session;
    }

    private void drop() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the session is broken already; its locks end with it
            }
            session = null;
        }
    }

    /** The job's lock key: the first 8 bytes of SHA-256 over a name of the gateway's own, so no other application's key collides by chance. */
    static long key(String job) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("liaison-gateway/job/" + job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
