package io.liaison.gateway.inbound.format;

import io.liaison.gateway.marking.Tlp;
import java.util.List;
import java.util.Optional;

/** What a verified inbound message asks the gateway to record: see docs/inbound-format.md. */
public sealed interface InboundDocument permits InboundDocument.Acknowledgement, InboundDocument.IncidentReport {

    /** The handling level the signed content declares, if it declares one. */
    Optional<Tlp> level();

    /** The wire name of the document type ({@code type:} in the YAML). */
    String typeName();

    /** "We received notice {@code reference}." */
    record Acknowledgement(String reference, Optional<String> note, Optional<Tlp> level) implements InboundDocument {
        @Override
        public String typeName() {
            return "acknowledgement";
        }
    }

    /**
     * One report (情報連絡) about an incident: the first or an update. Only the contact is mandatory; the rest
     * is given as known, so fragmentary reports are normal.
     *
     * @param incidentId  the reporting organisation's own identifier for the incident; threads the updates
     * @param doNotShare  the reporter asks that even a sanitised version is not re-shared
     */
    record IncidentReport(
            String incidentId,
            Optional<Tlp> level,
            boolean exercise,
            Contact contact,
            Optional<String> summary,
            Optional<TriggerCategory> triggerCategory,
            Optional<TriggerCategory.TriggerCase> triggerCase,
            Optional<EventType> eventType,
            List<Cause> causes,
            Optional<AffectedSystem> affectedSystem,
            Optional<Response> response,
            Optional<String> spread,
            Optional<String> notes,
            boolean doNotShare) implements InboundDocument {

        public IncidentReport {
            causes = List.copyOf(causes);
        }

        @Override
        public String typeName() {
            return "incident-report";
        }
    }

    /** Who to call back and how: at least one usable means. */
    record Contact(String person, List<ContactMeans> means) {
        public Contact {
            means = List.copyOf(means);
        }
    }

    /** One way to reach the contact person: {@code kind} is phone, email or fax. */
    record ContactMeans(String kind, String address) {
    }

    /** The affected system, as far as known. */
    record AffectedSystem(Optional<String> hardware, Optional<String> software, Optional<String> version,
                          Optional<String> patchState) {
    }

    /** What was done so far and who was already told (CEPTOAR, agencies, ministries). */
    record Response(Optional<String> measures, List<String> contacted) {
        public Response {
            contacted = List.copyOf(contacted);
        }
    }
}
