package io.liaison.gateway.app;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.dispatch.ChannelDispatcher;
import io.liaison.gateway.dispatch.CircuitBreaker.BreakerStatus;
import io.liaison.gateway.metrics.GaugeReadings;
import io.liaison.gateway.metrics.HealthStatus;
import io.liaison.gateway.metrics.Observability;
import io.liaison.gateway.metrics.micrometer.PrometheusGatewayMetrics;
import io.liaison.gateway.store.OperationalCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The gauges' readings and the readiness checks over the running gateway's parts: the store's counts, each
 * channel's dispatcher (its breaker) and SMPP session, and the directory in force.
 *
 * <p>The SMPP session is bound on first use, so an unbound session is shown but does not make the gateway
 * unready; an open breaker does, as does a database that does not answer or whose schema has gone.
 */
final class GatewayObservability implements GaugeReadings, Observability {
    private final OperationalCounts counts;
    private final Function<ChannelKind, ChannelDispatcher> dispatchers;
    private final BooleanSupplier smppBound;
    private final Supplier<Directory> directory;
    private final Clock clock;
    private final PrometheusGatewayMetrics metrics;

    GatewayObservability(OperationalCounts counts, Function<ChannelKind, ChannelDispatcher> dispatchers,
                         BooleanSupplier smppBound, Supplier<Directory> directory, Clock clock,
                         PrometheusGatewayMetrics metrics) {
        this.counts = counts;
        this.dispatchers = dispatchers;
        this.smppBound = smppBound;
        this.directory = directory;
        this.clock = clock;
        this.metrics = metrics;
        metrics.readingFrom(this);
    }

    @Override
    public String prometheusText() {
        return metrics.scrape();
    }

    @Override
    public List<HealthStatus> readiness() {
        List<HealthStatus> checks = new ArrayList<>();
        OperationalCounts.DatabaseState db = counts.databaseState();
        checks.add(new HealthStatus("database", db.usable(), db.detail()));
        for (ChannelKind channel : ChannelKind.values()) {
            BreakerStatus breaker = dispatchers.apply(channel).breakerStatus();
            String state = breaker.open()
                    ? "circuit open until " + breaker.openUntil().map(Instant::toString).orElse("?") + " after "
                    + breaker.consecutiveFailures() + " consecutive temporary failures; deliveries wait"
                    : "circuit closed" + (breaker.consecutiveFailures() > 0
                    ? " (" + breaker.consecutiveFailures() + " temporary failures since the last success)" : "");
            if (channel == ChannelKind.SMS) {
                state += smppBound.getAsBoolean() ? "; SMPP session bound" : "; SMPP session not bound (binds on first use)";
            }
            checks.add(new HealthStatus("channel." + channel.yamlName(), !breaker.open(), state));
        }
        return checks;
    }

    @Override
    public long pendingDeliveries(ChannelKind channel) {
        return counts.pendingDeliveries(channel);
    }

    @Override
    public boolean breakerOpen(ChannelKind channel) {
        return dispatchers.apply(channel).breakerStatus().open();
    }

    @Override
    public long unconfirmedOrganisations() {
        return counts.unconfirmedOrganisations();
    }

    /** Whole days, rounded down: 0 on the last day, negative once expired. */
    @Override
    public Map<String, OptionalLong> certificateExpiryDays() {
        Instant now = clock.instant();
        Directory d = directory.get();
        Map<String, OptionalLong> lowest = new TreeMap<>();
        d.organisations().keySet().forEach(org -> lowest.put(org, OptionalLong.empty()));
        for (PointOfContact poc : d.pointsOfContact().values()) {
            poc.certificate().flatMap(c -> c.expiresAt()).ifPresent(expiry -> {
                long days = Math.floorDiv(Duration.between(now, expiry).toSeconds(), 86_400L);
                lowest.merge(poc.organisationId(), OptionalLong.of(days),
                        (a, b) -> a.isEmpty() ? b : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong())));
            });
        }
        return lowest;
    }
}
