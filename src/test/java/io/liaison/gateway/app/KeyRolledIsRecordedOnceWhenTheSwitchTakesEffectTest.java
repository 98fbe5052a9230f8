package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEntry;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.NextGatewayKeyFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moment outbound signing moves to the next key is in the audit trail: no {@code key.rolled} entry before the
 * switch date, one after it naming both keys and the date, and still one after more runs and a restart.
 */
class KeyRolledIsRecordedOnceWhenTheSwitchTakesEffectTest {
    @TempDir
    Path work;

    @Test
    void oneEntryAfterTheSwitchDateAndNoneBefore() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            NextGatewayKeyFiles next = NextGatewayKeyFiles.generate(work.resolve("next"));
            Instant switchAt = h.clock.instant().plus(Duration.ofDays(14));
            Properties rollover = next.settings(switchAt, switchAt.plus(Duration.ofDays(30)));
            Gateway g = h.gatewayWith(rollover);
            String oldKey = g.keys().openPgp().current().fingerprint();

            assertFalse(g.keySwitchRecorder().run(), "nothing before the switch");
            assertEquals(List.of(), rolled(g));

            h.clock.advance(Duration.ofDays(14));
            g.keySwitchRecorder().run();
            List<AuditEntry> entries = rolled(g);
            assertEquals(1, entries.size(), entries.toString());
            AuditEntry entry = entries.get(0);
            assertEquals(oldKey, entry.details().get("openpgp-from"));
            assertEquals(next.fingerprint(), entry.details().get("openpgp-to"));
            assertEquals(switchAt.toString(), entry.details().get("switch-at"));
            assertEquals(true, entry.who().isGateway());

            assertFalse(g.keySwitchRecorder().run(), "once per next key");
            Gateway restarted = h.gatewayWith(rollover);
            restarted.keySwitchRecorder().run();
            assertEquals(1, rolled(restarted).size(), "a restart finds the entry in the trail: " + rolled(restarted));
        }
    }

    private static List<AuditEntry> rolled(Gateway g) {
        return g.audit().read(Optional.empty(), Optional.empty()).stream()
                .filter(e -> e.action().equals(AuditAction.KEY_ROLLED.verb())).toList();
    }
}
