/**
 * The gateway's metrics port: what the dispatchers, the inbound intake and tracking record as they
 * work ({@link io.liaison.gateway.metrics.GatewayMetrics}), and the readings the management endpoint
 * samples when scraped ({@link io.liaison.gateway.metrics.GaugeReadings}). No Micrometer type appears
 * here, so the domain never imports it; the Prometheus adapter lives in {@code metrics.micrometer}.
 */
package io.liaison.gateway.metrics;
