package io.liaison.gateway.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditChain;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.audit.AuditEvent;
import io.liaison.gateway.audit.AuditException;
import io.liaison.gateway.testing.MutableClock;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trail on H2: entries chained in order, read back as written, and nothing kept of a rolled-back transaction. */
class H2AuditLogTest {
    private Database db;
    private JdbcAuditLog log;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00.123456Z"));

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        log = new JdbcAuditLog(db.dataSource(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void chainsEntriesAndReadsThemBackAsWritten() {
        AuditEntry first = log.record(ActorRef.of("nisc-duty", "nisc"), AuditAction.NOTICE_ACCEPTED, "NISC-2026-0001",
                Map.of("title", "改ざん \"test\"\n", "deliveries", "3"));
        List<AuditEntry> batch = log.append(List.of(
                AuditEvent.of(ActorRef.gateway(), AuditAction.DELIVERY_OUTCOME, "NISC-2026-0001", Map.of("state", "SENT")),
                AuditEvent.of(ActorRef.person("tanaka", "meti-liaison", "meti"), AuditAction.NOTICE_FORWARDED, "NISC-2026-0001",
                        Map.of())));
        assertEquals(AuditChain.GENESIS, first.previousHash());
        assertEquals(first.hash(), batch.get(0).previousHash());
        assertEquals(3, batch.get(1).sequence());
        List<AuditEntry> read = log.read(Optional.empty(), Optional.empty());
        assertEquals(List.of(first, batch.get(0), batch.get(1)), read);
        read.forEach(e -> assertEquals(e.hash(), AuditChain.expectedHash(e), "hash of #" + e.sequence()));
        assertEquals(3, log.trail("NISC-2026-0001").size());
        assertEquals(Map.entry(3L, batch.get(1).hash()), log.recordedHead());
    }

    @Test
    void keepsNoEntryOfARolledBackTransaction() throws Exception {
        log.record(ActorRef.gateway(), AuditAction.GATEWAY_STARTED, null, Map.of());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            log.record(c, ActorRef.gateway(), AuditAction.INBOUND_QUARANTINED, null, Map.of("reason", "SIGNATURE_INVALID"));
            c.rollback();
        }
        AuditEntry next = log.record(ActorRef.gateway(), AuditAction.GATEWAY_STOPPED, null, Map.of());
        assertEquals(2, next.sequence());
        assertEquals(2, log.read(Optional.empty(), Optional.empty()).size());
    }

    @Test
    void refusesToAppendOutsideATransactionOnACallersConnection() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            assertThrows(AuditException.class,
                    () -> log.record(c, ActorRef.gateway(), AuditAction.GATEWAY_STARTED, null, Map.of()));
        }
    }
}
