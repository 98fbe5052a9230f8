package io.liaison.gateway.inbound.incident;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.inbound.IncidentReportRecord;
import java.time.ZoneId;
import java.util.List;

/** An incident's reports in order (第1報, 第2報 …) with who sent each, as {@code incident show} prints them. */
public record IncidentThread(String incidentKey, List<IncidentReportRecord> reports) {

    public IncidentThread {
        reports = List.copyOf(reports);
    }

    public String render(ZoneId zone, Directory directory) {
        StringBuilder b = new StringBuilder("Incident ").append(incidentKey).append(": ").append(reports.size())
                .append(reports.size() == 1 ? " report" : " reports").append(" (任意提供情報 — voluntarily provided)\n");
        for (IncidentReportRecord r : reports) {
            String org = directory == null ? r.reporterOrg()
                    : directory.organisation(r.reporterOrg()).map(Organisation::name).orElse(r.reporterOrg());
            String poc = directory == null ? r.reporterPoc()
                    : directory.pointOfContact(r.reporterPoc()).map(PointOfContact::name).orElse(r.reporterPoc());
            b.append("  第").append(r.reportNumber()).append("報  ").append(io.liaison.gateway.time.DisplayTime.format(r.receivedAt(), zone))
                    .append("  from ").append(r.reporterPoc()).append(" (").append(poc).append(", ").append(org).append(")  ")
                    .append(r.level().label()).append(r.exercise() ? "  EXERCISE" : "")
                    .append("  relay ").append(r.relayReference().orElse("none")).append('\n');
            StringBuilder facts = new StringBuilder();
            r.triggerCategory().ifPresent(c -> facts.append("trigger ").append(c).append(r.triggerCase().map(x -> "/" + x).orElse("")).append("; "));
            r.eventType().ifPresent(e -> facts.append("event ").append(e).append("; "));
            if (!r.causes().isEmpty()) {
                facts.append("causes ").append(String.join(",", r.causes())).append("; ");
            }
            facts.append("contact ").append(r.contactPerson().replaceAll("\\p{Cntrl}", " "));
            if (r.doNotShare()) {
                facts.append("; DO NOT SHARE");
            }
            b.append("        ").append(facts).append("  (inbound #").append(r.inboundId()).append(")\n");
        }
        return b.toString();
    }
}
