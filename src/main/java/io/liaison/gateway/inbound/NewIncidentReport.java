package io.liaison.gateway.inbound;

import io.liaison.gateway.marking.Tlp;
import java.util.List;
import java.util.Optional;

/**
 * A verified report ready to be stored in its thread.
 *
 * @param document       the machine-readable part exactly as signed
 * @param relayReference the outbound record relaying it to the ministry and NISC
 */
public record NewIncidentReport(
        String incidentKey,
        String reporterIncidentId,
        int reportNumber,
        Tlp level,
        boolean exercise,
        Optional<String> triggerCategory,
        Optional<String> triggerCase,
        Optional<String> eventType,
        List<String> causes,
        String contactPerson,
        boolean doNotShare,
        String document,
        Optional<String> relayReference) {
    public NewIncidentReport {
        causes = List.copyOf(causes);
    }
}
