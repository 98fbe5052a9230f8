package io.liaison.gateway.metrics;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.Priority;
import java.time.Duration;

/**
 * What the gateway's moving parts record as they work. Called on the delivery path (about two thousand
 * deliveries a second in the benchmark), so an implementation must be cheap and lock-free: counters and
 * timers looked up once per tag set, no string built per call. Every method must return normally; a
 * metrics failure never stops a delivery.
 *
 * <p>Gauges (pending deliveries, open breakers, unconfirmed organisations, certificate expiry) are not
 * pushed here: the adapter samples them from {@link GaugeReadings} when scraped.
 */
public interface GatewayMetrics {

    /** One delivery's attempt ended so: {@code liaison_deliveries_total{channel,state}}. */
    void delivery(ChannelKind channel, DeliveryOutcome outcome);

    /**
     * The channel's server accepted a delivery {@code sinceSend} after its notice was accepted:
     * {@code liaison_delivery_seconds{channel,priority}}. Recorded beside {@link #delivery} with
     * {@link DeliveryOutcome#SENT}, not instead of it.
     */
    void accepted(ChannelKind channel, Priority priority, Duration sinceSend);

    /** One inbound message judged: {@code liaison_inbound_total{outcome}}. */
    void inbound(InboundResult result);

    /** Records nothing: for tests, tools and commands that serve no metrics. */
    static GatewayMetrics none() {
        return None.INSTANCE;
    }

    /** The no-op, a singleton so a check against it is cheap. */
    enum None implements GatewayMetrics {
        INSTANCE;

        @Override
        public void delivery(ChannelKind channel, DeliveryOutcome outcome) {
        }

        @Override
        public void accepted(ChannelKind channel, Priority priority, Duration sinceSend) {
        }

        @Override
        public void inbound(InboundResult result) {
        }
    }
}
