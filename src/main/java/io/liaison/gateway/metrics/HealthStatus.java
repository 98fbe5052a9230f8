package io.liaison.gateway.metrics;

import java.util.Objects;

/**
 * One part of the gateway's readiness, as {@code /health/ready} lists it.
 *
 * @param name   what was checked: {@code database}, {@code channel.email}, …
 * @param up     whether it lets the gateway do its work now
 * @param detail what an operator reads: the state and, when down, why (never a secret)
 */
public record HealthStatus(String name, boolean up, String detail) {
    public HealthStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }

    public static HealthStatus up(String name, String detail) {
        return new HealthStatus(name, true, detail);
    }

    public static HealthStatus down(String name, String detail) {
        return new HealthStatus(name, false, detail);
    }
}
