package io.liaison.gateway.application;

import io.liaison.gateway.stats.SharingStatistics;
import io.liaison.gateway.stats.StatisticsCounter;
import io.liaison.gateway.stats.StatisticsPeriod;

/** The seed's quarterly table of information sharing, counted from the ledger; read-only. */
public final class Statistics {
    private final ApplicationParts parts;
    private final Guard guard;

    Statistics(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public SharingStatistics table(Actor actor, StatisticsPeriod period) {
        guard.require(actor, Action.VIEW_STATISTICS, "statistics");
        return new StatisticsCounter(parts.directory().get()).count(period, parts.statistics());
    }
}
