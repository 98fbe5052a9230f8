package io.liaison.gateway.reshare;

import java.time.ZoneId;

/** A proposal as NISC reads it: source (NISC only), what goes out, exactly what was removed, and the text itself. */
public final class ProposalView {

    private ProposalView() {
    }

    public static String render(ReshareProposal p, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("Re-share proposal ").append(p.label()).append("  [").append(p.state()).append("]\n");
        b.append("  Source (NISC only, never sent): ").append(p.incidentKey()).append(" 第").append(p.reportNumber())
                .append("報 (incident report #").append(p.incidentReportId()).append(")\n");
        b.append("  Grounds / 根拠: ").append(p.grounds().describe()).append('\n');
        b.append("  Goes out as: ").append(p.kind().yamlName()).append(", ").append(p.level().label())
                .append(p.exercise() ? ", EXERCISE" : "").append(", sectors ").append(String.join(", ", p.sectors()))
                .append(p.includeDependents() ? " and the sectors that depend on them" : "")
                .append(", from the approving NISC point of contact, under the normal policy\n");
        b.append("  Proposed: ").append(io.liaison.gateway.time.DisplayTime.format(p.proposedAt(), zone));
        p.approvedBy().ifPresent(a -> b.append("   approved by ").append(a)
                .append(p.approvedAt().map(t -> " at " + io.liaison.gateway.time.DisplayTime.format(t, zone)).orElse("")));
        p.noticeReference().ifPresent(r -> b.append("   sent as ").append(r));
        p.rejection().ifPresent(r -> b.append("   rejected by ").append(r.person().orElse(r.by())).append(" at ")
                .append(io.liaison.gateway.time.DisplayTime.format(r.at(), zone)).append(": ").append(r.reason()));
        b.append("\n\n");
        b.append("Removed or generalised (").append(p.redactions().size()).append("): field: \"original\" → replacement\n");
        p.redactions().forEach(r -> b.append("  - ").append(r.line()).append('\n'));
        if (!p.warnings().isEmpty()) {
            b.append("\nWarnings:\n");
            p.warnings().forEach(w -> b.append("  ! ").append(w).append('\n'));
        }
        b.append("\nNot recognised automatically — read the text for them: site, plant or place names, internal host names without\n")
                .append("a domain, a company's Japanese name or abbreviation, a product only this reporter runs, exact times.\n")
                .append("Add what you find with --redact TEXT and propose again.\n");
        b.append("\n--- text to be sent ---\n");
        b.append("Title / 件名: ").append(p.title()).append('\n');
        b.append("SMS line: ").append(p.summary()).append('\n');
        b.append(p.body());
        b.append("--- end ---\n");
        return b.toString();
    }
}
