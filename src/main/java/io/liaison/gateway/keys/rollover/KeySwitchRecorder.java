package io.liaison.gateway.keys.rollover;

import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.store.JobLock;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trail's {@code key.rolled} entry once the rollover has taken effect: outbound signing moves to the
 * next key at the switch date on the gateway's clock ({@code KeySwitchingProtector}), which by itself leaves no
 * trace, and an auditor must be able to see from which moment the gateway's messages carry the new key.
 *
 * <p>Once per next key, however many restarts or gateways: the entry is looked for in the trail from the switch
 * date on before it is written, under the cluster's job lock. Run on the certificate-expiry timer
 * (routes/tracking.yaml), so the entry lags the switch by at most that period; its details carry the switch date
 * itself.
 */
public final class KeySwitchRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(KeySwitchRecorder.class);
    static final String JOB = "key-switch";

    private final Optional<NextGatewayKeys> rollover;
    private final AuditLog audit;
    private final Clock clock;
    private volatile JobLock jobs = JobLock.local();
    /** Set once the entry is known to be in the trail: the trail is then never read again by this process. */
    private volatile boolean recorded;

    /** @param rollover the configured rollover, empty when the gateway has a single key */
    public KeySwitchRecorder(Optional<NextGatewayKeys> rollover, AuditLog audit, Clock clock) {
        this.rollover = rollover;
        this.audit = audit;
        this.clock = clock;
    }

    /** Takes turns with the other gateways on the database. */
    public KeySwitchRecorder oneGatewayAtATime(JobLock lock) {
        this.jobs = lock;
        return this;
    }

    /** Records {@code key.rolled} when the switch date has passed and the trail has no such entry yet; true when it wrote it. */
    public boolean run() {
        if (recorded || rollover.isEmpty() || clock.instant().isBefore(rollover.get().switchAt())) {
            return false;
        }
        boolean[] wrote = {false};
        jobs.runAlone(JOB, () -> wrote[0] = recordOnce(rollover.get()));
        return wrote[0];
    }

    private boolean recordOnce(NextGatewayKeys keys) {
        String next = keys.nextOpenPgp().fingerprint();
        boolean already = audit.read(Optional.of(keys.switchAt()), Optional.empty()).stream()
                .anyMatch(e -> e.action().equals(AuditAction.KEY_ROLLED.verb()) && next.equals(e.details().get("openpgp-to")));
        recorded = true;
        if (already) {
            return false;
        }
        audit.record(ActorRef.gateway(), AuditAction.KEY_ROLLED, null, details(keys));
        LOG.info("key rollover took effect at {}: the gateway signs with {} (was {})", keys.switchAt(), next,
                keys.currentOpenPgp().fingerprint());
        return true;
    }

    private static Map<String, String> details(NextGatewayKeys keys) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("openpgp-from", keys.currentOpenPgp().fingerprint());
        d.put("openpgp-to", keys.nextOpenPgp().fingerprint());
        keys.currentSmime().ifPresent(c -> d.put("smime-from", c.fingerprint()));
        keys.nextSmime().ifPresent(c -> d.put("smime-to", c.fingerprint()));
        d.put("switch-at", keys.switchAt().toString());
        d.put("old-key-retired-at", keys.retireAt().toString());
        return d;
    }
}
