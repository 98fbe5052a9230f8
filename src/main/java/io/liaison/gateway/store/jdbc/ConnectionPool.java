package io.liaison.gateway.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Connections to the embedded database, kept open and lent out one caller at a time. H2's own pool
 * rolls back on every loan and every return, even a connection with nothing to undo; on H2's store
 * each of those ends a transaction and writes out every page changed since the last write, the
 * uncommitted pages of the other threads included. A fan-out borrows thousands of times: its
 * database threads spent a tenth of their time writing pages for those two rollbacks. Here a
 * connection handed back in auto-commit mode has no open transaction and is lent again as it is; one
 * handed back inside a transaction is rolled back first, so no caller ever sees another's work.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final JdbcDataSource source = new JdbcDataSource();
    private final Semaphore loans;
    private final int max;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> opened = new ArrayList<>();
    private boolean closed;

    ConnectionPool(String url, String user, String password, int max) {
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        this.max = max;
        this.loans = new Semaphore(max, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            if (!loans.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("all " + max + " database connections stayed busy for " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        try {
            return lend(physical());
        } catch (SQLException | RuntimeException e) {
            loans.release();
            throw e;
        }
    }

    private Connection physical() throws SQLException {
        synchronized (idle) {
            if (closed) {
                throw new SQLException("the database is closed");
            }
            Connection c = idle.pollFirst();
            if (c != null) {
                return c;
            }
        }
        Connection fresh = source.getConnection();
        synchronized (idle) {
            opened.add(fresh);
        }
        return fresh;
    }

    private Connection lend(Connection physical) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Loan(physical));
    }

    private void giveBack(Connection physical) throws SQLException {
        try {
            if (!physical.isClosed() && !physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            discard(physical);
            throw e;
        } finally {
            loans.release();
        }
        synchronized (idle) {
            if (!closed && !physical.isClosed()) {
                idle.addFirst(physical);
                return;
            }
        }
        discard(physical);
    }

    private void discard(Connection physical) {
        synchronized (idle) {
            opened.remove(physical);
        }
        try {
            physical.close();
        } catch (SQLException e) {
            // a connection being thrown away: nothing left to keep
        }
    }

    /** Closes every connection, lent or idle. */
    @Override
    public void close() {
        List<Connection> all;
        synchronized (idle) {
            closed = true;
            all = new ArrayList<>(opened);
            opened.clear();
            idle.clear();
        }
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing down: nothing left to keep
            }
        }
    }

    /** One caller's use of a connection: closing it hands the connection back. */
    private final class Loan implements InvocationHandler {
        private final Connection physical;
        private boolean returned;

        Loan(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!returned) {
                        returned = true;
                        giveBack(physical);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return returned || physical.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "pooled " + physical;
                }
                default -> {
                    if (returned) {
                        throw new SQLException("connection already handed back to the pool");
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's connections all use the configured user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged through JDBC's writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // an embedded database: there is no login to wait for
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
