package io.liaison.gateway.inbound;

import io.liaison.gateway.marking.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One stored report of an incident thread. */
public record IncidentReportRecord(
        long id,
        String incidentKey,
        int reportNumber,
        long inboundId,
        String reporterOrg,
        String reporterPoc,
        Tlp level,
        boolean exercise,
        Optional<String> triggerCategory,
        Optional<String> triggerCase,
        Optional<String> eventType,
        List<String> causes,
        String contactPerson,
        boolean doNotShare,
        String document,
        Optional<String> relayReference,
        Instant receivedAt) {
    public IncidentReportRecord {
        causes = List.copyOf(causes);
    }
}
