package io.liaison.gateway.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool lends a connection as it was handed back only when nothing was left open on it: work left
 * uncommitted by one caller is undone before the next caller gets the connection, and a connection
 * handed back cannot be used again through the old handle.
 */
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "liaison.test.database", matches = "postgresql",
        disabledReason = "the own ConnectionPool serves H2 only; PostgreSQL uses HikariCP")
class PooledConnectionsNeverCarryAnotherCallersWorkTest {
    private ConnectionPool pool;

    @BeforeEach
    void open() throws SQLException {
        pool = new ConnectionPool("jdbc:h2:mem:pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 1);
        try (Connection c = pool.getConnection()) {
            c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void workLeftUncommittedIsUndoneBeforeTheNextLoan() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("INSERT INTO t VALUES (1)");
            // handed back without commit, as a caller that failed half-way would
        }
        try (Connection c = pool.getConnection()) {
            assertTrue(c.getAutoCommit(), "lent in auto-commit mode");
            assertEquals(0, count(c), "the other caller's insert was rolled back");
        }
    }

    @Test
    void committedWorkStaysAndTheConnectionIsLentAgain() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("INSERT INTO t VALUES (2)");
            c.commit();
            c.setAutoCommit(true);
        }
        try (Connection c = pool.getConnection()) {
            assertEquals(1, count(c));
        }
    }

    @Test
    void aHandedBackConnectionCannotBeUsedAgainAndClosingTwiceReturnsItOnce() throws SQLException {
        Connection first = pool.getConnection();
        first.close();
        first.close();
        assertTrue(first.isClosed());
        assertThrows(SQLException.class, first::createStatement);
        // one connection in the pool: a second return would have let two callers share it
        try (Connection a = pool.getConnection()) {
            assertEquals(0, count(a));
        }
    }

    private static int count(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
