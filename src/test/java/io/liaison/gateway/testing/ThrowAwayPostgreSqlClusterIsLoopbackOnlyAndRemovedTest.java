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
}
