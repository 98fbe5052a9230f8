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
    /**
     * A gateway that stops while handing over holds up its deliveries this long at most (other gateways
     * take them once it expires); claims are renewed every third of it while the gateway runs.
     */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    /** A third of it (the renewal interval and the hand-over guard) must outlast a hand-over's timeouts. */
    public static final Duration MIN_TTL = Duration.ofSeconds(3);

    public ClaimLease {
        if (nodeId == null || nodeId.isBlank() || nodeId.length() > 200) {
            throw new IllegalArgumentException("gateway.node-id must be 1 to 200 characters");
        }
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("gateway.dispatch.claim-timeout must be at least " + MIN_TTL.toSeconds()
                    + "s (a hand-over must end within a third of it), was " + ttl);
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
