package io.liaison.gateway.metrics;

import io.liaison.gateway.directory.ChannelKind;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the gauges read when the management endpoint is scraped, not on the delivery path. Each
 * reading must be cheap (one indexed count, an in-memory state); the wiring implements it over the
 * store, the dispatchers and the current directory.
 */
public interface GaugeReadings {

    /** Deliveries waiting for a first attempt or a retry, per channel: {@code liaison_pending_deliveries{channel}}. */
    long pendingDeliveries(ChannelKind channel);

    /** The channel's circuit breaker is open: {@code liaison_breaker_open{channel}} (1 or 0). */
    boolean breakerOpen(ChannelKind channel);

    /** Organisations that were sent a notice asking for confirmation and have not confirmed it: {@code liaison_unconfirmed_organisations}. */
    long unconfirmedOrganisations();

    /**
     * Per organisation, the days until the earliest of its registered certificates expires (negative when
     * one has expired; empty when it has none): {@code liaison_certificate_expiry_days{organisation}}.
     */
    Map<String, OptionalLong> certificateExpiryDays();
}
