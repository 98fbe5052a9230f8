package io.liaison.gateway.application;

import io.liaison.gateway.inbound.InboundIntake;
import io.liaison.gateway.inbound.VerifiedSender;
import io.liaison.gateway.inbound.format.FormatException;
import java.util.Map;

/**
 * An operator's SOC files a 第1報 or 第N報 through a door instead of by signed e-mail. The door's login
 * stands where the signature stands: the report is the actor's organisation's, from the actor's point
 * of contact, and goes the way a verified e-mail report goes — stored in its thread, numbered, relayed
 * to NISC (and the sector's ministries as its level allows) — with a receipt back.
 */
public final class FileIncidentReport {
    private final ApplicationParts parts;
    private final Guard guard;

    FileIncidentReport(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    /** @param document the report as docs/inbound-format.md gives it, as JSON */
    public IncidentReceipt file(Actor actor, String document) {
        guard.require(actor, Action.FILE_INCIDENT_REPORT, actor.organisationId());
        // names the door and the person in the inbound record, where e-mail keeps the signing key's fingerprint
        VerifiedSender filer = new VerifiedSender(actor.via().name().toLowerCase(java.util.Locale.ROOT) + ":"
                + actor.person().map(PersonId::value).orElse(actor.pocId()), actor.pocId(), actor.organisationId());
        String source = actor.via() == Via.CONSOLE ? "console" : "api";
        InboundIntake.FiledReport filed = guard.perform(actor, Action.FILE_INCIDENT_REPORT, null, () -> {
            try {
                return parts.incidentFiling().file(filer, document, source);
            } catch (FormatException e) {
                throw new IncidentReportRejectedException(e.problems());
            }
        }, f -> Map.of("incident", f.incidentKey(), "report", String.valueOf(f.reportNumber()), "relayed-as", f.relayReference()));
        parts.chain().wakeDispatchers();
        return new IncidentReceipt(filed.incidentKey(), filed.reportNumber(), filed.relayReference(), parts.clock().instant());
    }
}
