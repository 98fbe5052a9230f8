package io.liaison.gateway.application;

import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.inbound.IncidentReportRecord;
import io.liaison.gateway.inbound.incident.IncidentThread;
import java.util.List;

/**
 * An incident's reports (第1報, 第2報 …) in order: NISC sees every incident; an operator only its own,
 * and another organisation's incident is NOT_FOUND (the store query takes the reporting organisation).
 */
public final class IncidentView {
    private final ApplicationParts parts;
    private final Guard guard;

    IncidentView(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    /** @param incidentKey ORGANISATION/ID as reported, e.g. east-power/EP-2026-0042 */
    public IncidentThread thread(Actor actor, String incidentKey) {
        boolean nisc = actor.isGateway() || actor.kind() == OrganisationKind.NISC;
        boolean own = incidentKey.startsWith(actor.organisationId() + "/");
        List<IncidentReportRecord> reports = nisc || own ? parts.inbound().reports(incidentKey) : List.of();
        guard.require(actor, Action.VIEW_INCIDENT, incidentKey, !reports.isEmpty());
        return new IncidentThread(incidentKey, reports);
    }

    /** The incident ids an organisation has reported (for "did you mean"); an operator sees only its own. */
    public List<String> incidentsOf(Actor actor, String organisationId) {
        guard.require(actor, Action.VIEW_INCIDENT, organisationId);
        boolean nisc = actor.isGateway() || actor.kind() == OrganisationKind.NISC;
        return nisc || organisationId.equals(actor.organisationId()) ? parts.inbound().incidentKeys(organisationId) : List.of();
    }
}
