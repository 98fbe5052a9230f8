package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.audit.AuditEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** A notice's audit trail as {@code status REF} shows it: one line per entry, times in the gateway's zone. */
final class AuditTrailView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private AuditTrailView() {
    }

    static String render(List<AuditEntry> trail, ZoneId zone) {
        StringBuilder out = new StringBuilder("\nAudit trail (").append(trail.size()).append(trail.size() == 1 ? " entry" : " entries")
                .append("; check the whole chain with 'audit verify'):\n");
        for (AuditEntry e : trail) {
            out.append(String.format("  #%-6d %s  %-22s %-28s %s%n", e.sequence(), TIME.format(e.at().atZone(zone)), e.action(),
                    e.who(), e.details().entrySet().stream().map(d -> d.getKey() + "=" + oneLine(d.getValue()))
                            .collect(Collectors.joining(", "))));
        }
        return out.toString();
    }

    /** Details may hold line breaks (a refusal's problems); a table row keeps to one line. */
    private static String oneLine(String value) {
        String v = value.replaceAll("\\s+", " ").strip();
        return v.length() > 160 ? v.substring(0, 157) + "..." : v;
    }
}
