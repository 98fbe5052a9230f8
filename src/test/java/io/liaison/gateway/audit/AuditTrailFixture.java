package io.liaison.gateway.audit;

import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcAuditLog;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real trail in a throw-away H2 database, checkpoints signed by the sample gateway key. */
final class AuditTrailFixture implements AutoCloseable {
    static final Path KEYS = Path.of("keys-sample");
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    final Database db = Database.open("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    final JdbcAuditLog log = new JdbcAuditLog(db.dataSource(), clock);
    final OpenPgpGatewayKey key;
    final AuditCheckpoints checkpoints;

    AuditTrailFixture(int checkpointEvery) throws Exception {
        key = gatewayKey();
        checkpoints = new AuditCheckpoints(log, OpenPgpCheckpoints.signer(key), clock, checkpointEvery, Duration.ofMinutes(5));
    }

    private static OpenPgpGatewayKey loaded;

    /** Loaded once: unlocking runs the passphrase's key derivation, slow by design. */
    static synchronized OpenPgpGatewayKey gatewayKey() throws Exception {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    private static OpenPgpGatewayKey load() throws Exception {
        return OpenPgpGatewayKey.load(KEYS.resolve("gateway/gateway.sec.asc"),
                PassphraseSource.fromFile(KEYS.resolve("gateway/passphrase.txt")));
    }

    /** A verifier trusting the sample gateway key only. */
    ChainVerifier verifier() {
        return new ChainVerifier(OpenPgpCheckpoints.verifier(List.of(key.certificate())));
    }

    /** Records {@code count} entries, a minute apart, a checkpoint whenever one is due. */
    void record(int count) {
        for (int i = 1; i <= count; i++) {
            clock.advance(Duration.ofMinutes(1));
            log.record(i % 3 == 0 ? ActorRef.gateway() : ActorRef.of("nisc-duty", "nisc"),
                    i % 2 == 0 ? AuditAction.DELIVERY_OUTCOME : AuditAction.NOTICE_ACCEPTED, "NISC-2026-" + (1000 + i / 4),
                    Map.of("n", Integer.toString(i), "note", "改ざん検知 \"quoted\" \\ tab\t"));
            checkpoints.checkpointIfDue();
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
