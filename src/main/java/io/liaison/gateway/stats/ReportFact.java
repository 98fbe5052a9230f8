package io.liaison.gateway.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One stored, accepted, non-exercise incident report, as far as the statistics need it. */
public record ReportFact(String incidentKey, String reporterOrg, Instant receivedAt, Optional<String> eventType, List<String> causes) {
    public ReportFact {
        causes = List.copyOf(causes);
    }
}
