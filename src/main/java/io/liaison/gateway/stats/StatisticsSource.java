package io.liaison.gateway.stats;

import java.time.Instant;
import java.util.List;

/** Stored traffic the statistics count; exercise traffic never comes out of here. */
public interface StatisticsSource {

    /** Accepted incident reports received before {@code end}, exercises excluded, oldest first. */
    List<ReportFact> reports(Instant end);

    /**
     * Provisions and early warnings originated by {@code niscOrg} before {@code end} with at least one delivery;
     * not updates or cancellations, not incident relays or quarantine notices, not exercises.
     */
    List<ProvisionFact> niscProvisions(String niscOrg, Instant end);
}
