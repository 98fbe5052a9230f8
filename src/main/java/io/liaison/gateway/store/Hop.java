package io.liaison.gateway.store;

import java.time.Instant;

/** One link of a notice's chain: the original send, or a forward by a liaison, CEPTOAR or council. */
public record Hop(long id, String reference, String action, String senderOrg, String senderPoc, Instant at) {
    public static final String SEND = "send";
    public static final String FORWARD = "forward";
}
