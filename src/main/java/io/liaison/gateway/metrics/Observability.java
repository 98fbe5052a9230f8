package io.liaison.gateway.metrics;

import java.util.List;

/**
 * What the management endpoint serves: the metrics in Prometheus text format and the readiness checks.
 * The wiring implements it; the management server only renders it.
 */
public interface Observability {

    /** Every metric, sampled now, in the Prometheus text exposition format (version 0.0.4). */
    String prometheusText();

    /** Each readiness check, run now: the gateway is ready when every one is up. */
    List<HealthStatus> readiness();
}
