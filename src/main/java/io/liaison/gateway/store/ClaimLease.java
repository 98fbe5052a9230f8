package io.liaison.gateway.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Who claims deliveries, and for how long a claim holds: a gateway that stops while handing over leaves
 * its claims behind; at its next start it resumes its own at once, any gateway resumes them after
 * {@code ttl}. The node id must stay the same across restarts of one gateway and differ between
 * gateways sharing a database.
 */
public record ClaimLease(String nodeId, Duration ttl) {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    public ClaimLease {
        if (nodeId == null || nodeId.isBlank() || nodeId.length() > 200) {
            throw new IllegalArgumentException("gateway.node-id must be 1 to 200 characters");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("gateway.dispatch.claim-timeout must be positive");
        }
    }

    /** This host's name: the same at every start of a gateway on this machine. */
    public static ClaimLease thisHost(Duration ttl) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new ClaimLease(host, ttl);
    }
}
