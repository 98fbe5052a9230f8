package io.liaison.gateway.metrics.micrometer;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.metrics.DeliveryOutcome;
import io.liaison.gateway.metrics.GatewayMetrics;
import io.liaison.gateway.metrics.GaugeReadings;
import io.liaison.gateway.metrics.InboundResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The metrics in a Micrometer Prometheus registry. Every counter and timer the delivery path can touch is
 * created here, once, in arrays indexed by the enums' ordinals: recording is an array read and Micrometer's
 * own lock-free add, with no tag lookup and no string built per delivery.
 *
 * <p>Names follow issue 15; Micrometer's Prometheus naming turns {@code liaison.deliveries} into
 * {@code liaison_deliveries_total} and the timer {@code liaison.delivery} into {@code liaison_delivery_seconds}.
 */
public final class PrometheusGatewayMetrics implements GatewayMetrics {
    /**
     * Send → server acceptance: seconds when the servers answer, minutes when a channel retries, hours
     * when one was down. Fixed buckets rather than Micrometer's percentile histogram (some seventy buckets per
     * series): a dashboard's question is "within a minute?", not the 99.9th percentile.
     */
    static final Duration[] BUCKETS = {Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(4)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter[][] deliveries = new Counter[ChannelKind.values().length][DeliveryOutcome.values().length];
    private final Timer[][] acceptance = new Timer[ChannelKind.values().length][Priority.values().length];
    private final Counter[] inbound = new Counter[InboundResult.values().length];
    private volatile MultiGauge certificateExpiry;
    private volatile GaugeReadings readings;

    public PrometheusGatewayMetrics() {
        for (ChannelKind channel : ChannelKind.values()) {
            for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
                deliveries[channel.ordinal()][outcome.ordinal()] = Counter.builder("liaison.deliveries")
                        .description("Delivery attempts by how they ended")
                        .tags("channel", channel.yamlName(), "state", outcome.label())
                        .register(registry);
            }
            for (Priority priority : Priority.values()) {
                acceptance[channel.ordinal()][priority.ordinal()] = Timer.builder("liaison.delivery")
                        .description("From the notice's acceptance to the channel server's acceptance of a delivery")
                        .tags("channel", channel.yamlName(), "priority", priority.yamlName())
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry);
            }
        }
        for (InboundResult result : InboundResult.values()) {
            inbound[result.ordinal()] = Counter.builder("liaison.inbound")
                    .description("Inbound messages by what the gateway did with them")
                    .tags("outcome", result.label())
                    .register(registry);
        }
    }

    /**
     * Registers the gauges, read from {@code readings} at each scrape. Called once by the wiring, when the
     * store and the dispatchers exist.
     */
    public PrometheusGatewayMetrics readingFrom(GaugeReadings readings) {
        this.readings = readings;
        for (ChannelKind channel : ChannelKind.values()) {
            Gauge.builder("liaison.pending.deliveries", readings, r -> r.pendingDeliveries(channel))
                    .description("Deliveries waiting for their first attempt or a retry")
                    .tags("channel", channel.yamlName())
                    .register(registry);
            Gauge.builder("liaison.breaker.open", readings, r -> r.breakerOpen(channel) ? 1 : 0)
                    .description("1 while the channel's circuit breaker is open and deliveries wait")
                    .tags("channel", channel.yamlName())
                    .register(registry);
        }
        Gauge.builder("liaison.unconfirmed.organisations", readings, GaugeReadings::unconfirmedOrganisations)
                .description("Organisations whose confirmation of a notice is still awaited")
                .register(registry);
        certificateExpiry = MultiGauge.builder("liaison.certificate.expiry.days")
                .description("Days until the earliest registered certificate of the organisation expires")
                .register(registry);
        return this;
    }

    @Override
    public void delivery(ChannelKind channel, DeliveryOutcome outcome) {
        deliveries[channel.ordinal()][outcome.ordinal()].increment();
    }

    @Override
    public void accepted(ChannelKind channel, Priority priority, Duration sinceSend) {
        // A clock moved backwards (tests, a corrected host clock) must not break the histogram.
        acceptance[channel.ordinal()][priority.ordinal()].record(sinceSend.isNegative() ? Duration.ZERO : sinceSend);
    }

    @Override
    public void inbound(InboundResult result) {
        inbound[result.ordinal()].increment();
    }

    /**
     * Every metric in the Prometheus text format. The certificate gauges follow the directory in force:
     * an organisation removed by a reload disappears from them.
     */
    public synchronized String scrape() {
        MultiGauge expiry = certificateExpiry;
        GaugeReadings r = readings;
        if (expiry != null && r != null) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Map.Entry<String, OptionalLong> e : r.certificateExpiryDays().entrySet()) {
                e.getValue().ifPresent(days -> rows.add(MultiGauge.Row.of(Tags.of("organisation", e.getKey()), days)));
            }
            expiry.register(rows, true);
        }
        return registry.scrape();
    }
}
