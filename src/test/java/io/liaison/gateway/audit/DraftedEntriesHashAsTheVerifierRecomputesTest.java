package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trail's appender writes an event's canonical parts before it takes the chain's lock
 * ({@link AuditChain#draft}); the verifier, an export and the shell procedure recompute the body from the
 * whole entry. Any difference of one byte would make every entry of a real run fail verification.
 */
class DraftedEntriesHashAsTheVerifierRecomputesTest {
    private static final Instant AT = Instant.parse("2026-12-03T06:40:12.345678Z");

    @Test
    void aDraftSealsTheBytesTheVerifierHashes() {
        List<AuditEvent> events = List.of(
                AuditEvent.of(ActorRef.gateway(), AuditAction.DELIVERY_HANDED_OVER, "NISC-EW-2026-00001",
                        Map.of("delivery", "17", "organisation", "east-power", "poc", "east-power-soc", "channel", "EMAIL",
                                "state", "SENT", "server-id", "<NISC-EW-2026-00001.17@nisc.example>")),
                AuditEvent.of(ActorRef.person("sato", "nisc-duty", "nisc"), AuditAction.NOTICE_ACCEPTED, null, Map.of()),
                AuditEvent.of(ActorRef.of("meti-liaison", "meti"), AuditAction.GATE_REFUSED, "METI-FW-2026-00002",
                        Map.of("reason", "協定なし \"quoted\" \\ back\nline \u0001 tab\t", "é", "ü")));
        String previous = AuditChain.GENESIS;
        long sequence = 41;
        for (AuditEvent event : events) {
            AuditChain.Draft draft = AuditChain.draft(event);
            AuditEntry drafted = draft.seal(++sequence, AuditChain.Stamp.of(AT), previous);
            AuditEntry whole = AuditChain.seal(sequence, AT, event, previous);
            assertEquals(whole, drafted, "entry #" + sequence);
            assertEquals(AuditChain.expectedHash(drafted), drafted.hash(), "entry #" + sequence);
            assertEquals(CanonicalJson.write(event.details()), draft.detailsJson());
            assertEquals(drafted, AuditChain.parseLine(AuditChain.line(drafted)));
            previous = drafted.hash();
        }
        // a damaged head row (not 64 hex digits) still hashes as the verifier would
        AuditEvent event = events.get(0);
        String odd = "not \"hex\"";
        assertEquals(AuditChain.seal(7, AT, event, odd), AuditChain.draft(event).seal(7, AuditChain.Stamp.of(AT), odd));
    }
}
