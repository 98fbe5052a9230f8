package io.liaison.gateway.stats;

import java.time.Instant;

/**
 * One column of counts: an earlier fiscal year's total, a quarter, or the year's total.
 *
 * @param reached false for quarters after the period asked for: shown as "—", as the seed shows quarters not yet reached
 * @param end     exclusive
 */
public record StatisticsColumn(String japanese, String english, boolean reached, Instant start, Instant end) {

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
