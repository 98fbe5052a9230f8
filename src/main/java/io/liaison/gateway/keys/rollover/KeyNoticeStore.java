package io.liaison.gateway.keys.rollover;

import java.time.Instant;
import java.util.Set;

/** What the gateway has told its contacts about keys, so nobody is told the same thing twice, even after a restart. */
public interface KeyNoticeStore {

    /** The points of contact already sent the announcement of the gateway key {@code fingerprint}. */
    Set<String> announcedTo(String fingerprint);

    /** Records that {@code pocId} was sent the announcement of {@code fingerprint} in notice {@code reference}. */
    void recordAnnouncement(String fingerprint, String pocId, String reference, Instant at);

    /**
     * Claims the right to tell {@code pocId} that certificate {@code fingerprint} expires within
     * {@code thresholdDays}: true the first time only (on any node), false ever after.
     */
    boolean claimExpiryNotice(String fingerprint, String pocId, int thresholdDays, Instant at);

    /** Names the notice that told it, once stored. */
    void recordExpiryNotice(String fingerprint, String pocId, int thresholdDays, String reference);
}
