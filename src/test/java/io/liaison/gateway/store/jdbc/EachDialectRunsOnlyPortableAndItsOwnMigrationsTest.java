package io.liaison.gateway.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.PostgreSqlCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Flyway scans db/migration with its sub-folders: without the dialect filter H2 would run PostgreSQL's
 * migrations (and fail on them, or worse, not). Each dialect runs the portable history and its own folder.
 */
class EachDialectRunsOnlyPortableAndItsOwnMigrationsTest {

    @Test
    void h2RunsThePortableHistoryButNotThePostgreSqlFolder() throws Exception {
        try (Database db = Database.open("jdbc:h2:mem:dialect-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            assertEquals(Dialect.H2, db.dialect());
            List<String> scripts = scripts(db);
            assertTrue(scripts.contains("V1__notices_and_deliveries.sql"), scripts.toString());
            assertFalse(scripts.stream().anyMatch(s -> s.contains("foreign_key_indexes")), "PostgreSQL-only V30 ran on H2: " + scripts);
        }
    }

    @Test
    void postgreSqlRunsThePortableHistoryAndItsOwnFolder() throws Exception {
        PostgreSqlCluster cluster = PostgreSqlCluster.shared();
        try (Database db = Database.open(cluster.emptyDatabase(), cluster.user(), cluster.password())) {
            assertEquals(Dialect.POSTGRESQL, db.dialect());
            List<String> scripts = scripts(db);
            assertTrue(scripts.contains("V1__notices_and_deliveries.sql"), scripts.toString());
            assertTrue(scripts.stream().anyMatch(s -> s.endsWith("V30__foreign_key_indexes.sql")), scripts.toString());
        }
    }

    @Test
    void anotherDatabaseIsRefusedByName() {
        Dialect.UnsupportedDatabaseException e = assertThrows(Dialect.UnsupportedDatabaseException.class,
                () -> Database.open("jdbc:mysql://db.example:3306/gateway", "gw", "secret"));
        assertTrue(e.getMessage().contains("jdbc:mysql:"), e.getMessage());
        assertEquals(Dialect.POSTGRESQL, Dialect.of("jdbc:postgresql://db:5432/gw?sslmode=verify-full"));
        assertEquals(Dialect.H2, Dialect.of("jdbc:h2:file:./data/gateway"));
    }

    private static List<String> scripts(Database db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"script\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean(2), rs.getString(1) + " failed");
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
