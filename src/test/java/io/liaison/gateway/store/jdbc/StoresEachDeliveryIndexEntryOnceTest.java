package io.liaison.gateway.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every index is written on every insert: on the delivery table, twenty thousand rows per fan-out to
 * ten thousand contacts, stored before the first message leaves. No two of its indexes may cover the
 * same columns, and the queries by notice and by hop must still find an index.
 */
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "liaison.test.database", matches = "postgresql",
        disabledReason = "H2 indexes foreign keys by itself (V7 drops the copies); PostgreSQL needs the named indexes")
class StoresEachDeliveryIndexEntryOnceTest {

    @Test
    void noTwoIndexesOfTheDeliveryTableCoverTheSameColumns() throws SQLException {
        try (Database db = Database.open("jdbc:h2:mem:indexes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
             Connection c = db.dataSource().getConnection()) {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'DELIVERY' ORDER BY INDEX_NAME, ORDINAL_POSITION")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<List<String>> distinct = columns.values().stream().distinct().toList();
            assertEquals(distinct.size(), columns.size(), "indexes covering the same columns: " + columns);
            assertTrue(distinct.contains(List.of("REFERENCE")), "deliveries of a notice are found by an index: " + columns);
            assertTrue(distinct.contains(List.of("HOP_ID")), "deliveries of a hop are found by an index: " + columns);
            assertTrue(distinct.contains(List.of("CHANNEL", "STATE", "NEXT_ATTEMPT_AT")), "due deliveries by an index: " + columns);
        }
    }
}
