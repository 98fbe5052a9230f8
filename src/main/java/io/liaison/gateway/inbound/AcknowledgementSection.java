package io.liaison.gateway.inbound;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The acknowledgements of a notice, shown after its status table: per recipient organisation the
 * first acknowledgement (the one that counts), later ones listed as kept, and who has not acknowledged.
 */
public record AcknowledgementSection(List<AcknowledgementRecord> acknowledgements, Set<String> recipients) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    public AcknowledgementSection {
        acknowledgements = List.copyOf(acknowledgements);
        recipients = Set.copyOf(recipients);
    }

    /** The counting acknowledgement of each organisation, in the order they came. */
    public Map<String, AcknowledgementRecord> firstByOrganisation() {
        Map<String, AcknowledgementRecord> first = new LinkedHashMap<>();
        acknowledgements.forEach(a -> first.putIfAbsent(a.organisationId(), a));
        return first;
    }

    public String render(ZoneId zone) {
        Map<String, AcknowledgementRecord> first = firstByOrganisation();
        StringBuilder b = new StringBuilder("Acknowledged: ").append(first.size()).append(" of ").append(recipients.size())
                .append(" recipient organisations\n");
        first.values().forEach(a -> b.append("  ").append(a.organisationId()).append(" / ").append(a.pocId()).append("  ")
                .append(TIME.format(a.receivedAt().atZone(zone))).append("  inbound #").append(a.inboundId())
                .append(a.note().map(n -> "  \"" + n.replaceAll("\\p{Cntrl}", " ") + "\"").orElse("")).append('\n'));
        for (AcknowledgementRecord a : acknowledgements) {
            if (first.get(a.organisationId()) != a) {
                b.append("  (again) ").append(a.organisationId()).append(" / ").append(a.pocId()).append("  ")
                        .append(TIME.format(a.receivedAt().atZone(zone))).append("  inbound #").append(a.inboundId())
                        .append(" — kept, changes nothing\n");
            }
        }
        List<String> waiting = new ArrayList<>(recipients.stream().filter(r -> !first.containsKey(r)).sorted().toList());
        if (!waiting.isEmpty()) {
            b.append("  not yet: ").append(String.join(", ", waiting)).append('\n');
        }
        return b.toString();
    }
}
