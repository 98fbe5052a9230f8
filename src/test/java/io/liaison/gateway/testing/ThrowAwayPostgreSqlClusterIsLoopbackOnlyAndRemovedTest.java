package io.liaison.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The tests' own PostgreSQL: started from initdb in a temporary folder (as root too), listening on loopback
 * only, logging in by password only, migrated by the gateway's Flyway history, and gone after close.
 */
class ThrowAwayPostgreSqlClusterIsLoopbackOnlyAndRemovedTest {

    @Test
    void startsListensOnLoopbackWithPasswordLoginMigratesAndIsRemovedAfterClose() throws Exception {
        Path data;
        try (PostgreSqlCluster cluster = PostgreSqlCluster.start()) {
            data = cluster.dataDirectory();
            assertTrue(Files.isDirectory(data), "initdb made the data folder");

            try (Connection c = DriverManager.getConnection(cluster.url("postgres"), cluster.user(), cluster.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW listen_addresses")) {
                rs.next();
                assertEquals("127.0.0.1", rs.getString(1));
            }
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(cluster.url("postgres"), cluster.user(), "not-the-password"));
            assertEquals("28P01", refused.getSQLState(), "password authentication failed");

            String url = cluster.freshDatabase();
            try (Database db = Database.open(url, cluster.user(), cluster.password())) {
                assertEquals(Dialect.POSTGRESQL, db.dialect());
                try (Connection c = db.dataSource().getConnection();
                        Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                    rs.next();
                    assertTrue(rs.getInt(1) >= 8, "the whole Flyway history ran on PostgreSQL");
                }
            }

            cluster.restart();
            try (Connection c = DriverManager.getConnection(url, cluster.user(), cluster.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM notice")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the data survives a restart on the same port");
            }
        }
        assertFalse(Files.exists(data), "the cluster's folder is deleted at close");
    }

    /**
     * CI stop 19: the chaos suite's cluster failed to start because the folder a finished test JVM left behind
     * was being removed by that JVM's {@code rm -rf} while this start walked it to tidy up. The race is not
     * forced here, only made likely: many files, removed by another process at the same moment.
     */
    @Test
    void aLeftoverFolderVanishingWhileItIsTidiedUpDoesNotFailTheStart() throws Exception {
        Path leftover = Files.createTempDirectory("liaison-pg-");
        Files.writeString(leftover.resolve("owner.pid"), Long.toString(deadPid()));
        for (int d = 0; d < 40; d++) {
            Path dir = Files.createDirectories(leftover.resolve("data").resolve("base").resolve(Integer.toString(d)));
            for (int f = 0; f < 250; f++) {
                Files.writeString(dir.resolve(f + "_fsm"), "x");
            }
        }
        Process rm = new ProcessBuilder("rm", "-rf", leftover.toString()).start();
        try (PostgreSqlCluster cluster = PostgreSqlCluster.start()) {
            assertTrue(Files.isDirectory(cluster.dataDirectory()), "the new cluster started");
        } finally {
            rm.waitFor();
        }
        assertFalse(Files.exists(leftover), "the leftover is gone, whoever removed which file");
    }

    /** A process id that belongs to no running process. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
