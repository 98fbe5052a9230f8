package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcAuditLog;
import io.liaison.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two gateways on one database each run the checkpoint timer. Each starts from the last checkpoint either
 * signed, so a due point is signed once, not once per gateway (the signature itself is tested elsewhere:
 * here a signer that only names who signed).
 */
class TwoGatewaysSignOneCheckpointPerDuePointTest {
    @Test
    void aCheckpointSignedByOneGatewayCountsForTheOther() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));
        try (Database db = Database.open("jdbc:h2:mem:cp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            JdbcAuditLog log = new JdbcAuditLog(db.dataSource(), clock);
            AuditCheckpoints a = new AuditCheckpoints(log, signer("node-a"), clock, 5, Duration.ofMinutes(5));
            AuditCheckpoints b = new AuditCheckpoints(log, signer("node-b"), clock, 5, Duration.ofMinutes(5));
            record(log, 5);
            assertTrue(a.checkpointIfDue().isPresent(), "five entries: due");
            assertTrue(b.checkpointIfDue().isEmpty(), "node-b sees node-a's checkpoint of the same head");
            record(log, 3);
            assertTrue(b.checkpointIfDue().isEmpty(), "three entries since node-a's checkpoint: not due on node-b either");
            record(log, 2);
            assertTrue(b.checkpointIfDue().isPresent());
            assertTrue(a.checkpointIfDue().isEmpty(), "node-a sees node-b's");
            clock.advance(Duration.ofMinutes(6));
            record(log, 1);
            assertTrue(a.checkpointIfDue().isPresent(), "the interval passed with an entry since node-b's checkpoint");
            assertTrue(b.checkpointNow().isEmpty(), "the head is signed already, by node-a");
            assertEquals(3, log.checkpoints().size());
            assertEquals(11, log.lastCheckpoint().orElseThrow().sequence());
        }
    }

    private static CheckpointSigner signer(String node) {
        return (sequence, hash, at) -> new AuditCheckpoint(sequence, hash, at, node, "signed by " + node);
    }

    private static void record(AuditLog log, int entries) {
        for (int i = 0; i < entries; i++) {
            log.record(ActorRef.gateway(), AuditAction.GATEWAY_STARTED, null, Map.of("n", Integer.toString(i)));
        }
    }
}
