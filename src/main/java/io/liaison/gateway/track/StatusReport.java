package io.liaison.gateway.track;

import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.Hop;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.store.StoredRefusal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A notice's status: recipient × channel × state, the chain of hops, and the refusals with reasons. */
public record StatusReport(StoredNotice notice, List<Hop> hops, List<Delivery> deliveries, List<StoredRefusal> refusals,
                           List<StoredNotice> followUps) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    public static StatusReport of(NoticeStore store, String reference) {
        StoredNotice notice = store.notice(reference)
                .orElseThrow(() -> new IllegalArgumentException("no notice with reference " + reference));
        return new StatusReport(notice, store.hops(reference), store.deliveries(reference), store.refusals(reference),
                store.followUpsOf(reference));
    }

    /** True when no delivery is waiting for an attempt right now (pending retries count as unsettled). */
    public boolean settled() {
        return deliveries.stream().allMatch(d -> d.state() == DeliveryState.SENT || d.state() == DeliveryState.FAILED);
    }

    public long count(DeliveryState state) {
        return deliveries.stream().filter(d -> d.state() == state).count();
    }

    /** The table a duty officer reads. */
    public String render(ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append(notice.reference()).append("  ").append(notice.level().label()).append("  ")
                .append(notice.kind().yamlName()).append("  ").append(notice.title()).append('\n');
        notice.followUp().ifPresent(f -> b.append("  ").append(f.line()).append('\n'));
        for (StoredNotice f : followUps) {
            b.append("  ").append(f.followUp().orElseThrow().type() == io.liaison.gateway.intake.FollowUp.Type.CANCEL
                    ? "CANCELLED by " : "SUPERSEDED by ").append(f.reference()).append(" (")
                    .append(TIME.format(f.createdAt().atZone(zone))).append(")\n");
        }
        Map<Long, Hop> byId = hops.stream().collect(Collectors.toMap(Hop::id, Function.identity()));
        b.append("Chain:\n");
        for (Hop h : hops) {
            List<String> to = deliveries.stream().filter(d -> d.hopId() == h.id()).map(Delivery::organisationId).distinct().toList();
            b.append("  ").append(TIME.format(h.at().atZone(zone))).append("  ").append(h.action()).append(" by ")
                    .append(h.senderPoc()).append(" (").append(h.senderOrg()).append(") -> ")
                    .append(to.isEmpty() ? "nobody" : String.join(", ", to)).append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RECIPIENT", "POC", "CHANNEL", "STATE", "TRIES", "VIA", "DETAIL"});
        for (Delivery d : deliveries) {
            String detail = switch (d.state()) {
                case SENT -> d.serverId().map(s -> "accepted " + TIME.format(d.updatedAt().atZone(zone)) + " id " + s).orElse("");
                case PENDING -> d.nextAttemptAt().map(t -> "next try " + TIME.format(t.atZone(zone))).orElse("")
                        + d.lastError().map(e -> " after: " + e).orElse("");
                default -> d.lastError().orElse("");
            };
            rows.add(new String[] {d.organisationId(), d.pocId(), d.channel().yamlName(), d.state().name().toLowerCase(),
                    String.valueOf(d.attempts()), viaOf(byId.get(d.hopId()), d), detail});
        }
        b.append(table(rows));
        if (!refusals.isEmpty()) {
            b.append("Refused:\n");
            for (StoredRefusal r : refusals) {
                Hop h = byId.get(r.hopId());
                b.append("  ").append(r.organisationId());
                r.pocId().ifPresent(p -> b.append(" / ").append(p));
                r.channel().ifPresent(c -> b.append(" / ").append(c.yamlName()));
                b.append(" (").append(h == null ? "?" : h.action() + " by " + h.senderOrg()).append("): ")
                        .append(r.reason()).append('\n');
            }
        }
        b.append(String.format("Totals: %d sent, %d pending, %d sending, %d failed, %d refused%n", count(DeliveryState.SENT),
                count(DeliveryState.PENDING), count(DeliveryState.SENDING), count(DeliveryState.FAILED), refusals.size()));
        return b.toString();
    }

    private static String viaOf(Hop hop, Delivery d) {
        String role = switch (d.role()) {
            case LIAISON_COPY -> "copy";
            case FORWARD -> "fwd";
            case DIRECT -> "direct";
        };
        return role + ":" + (hop == null ? d.hopSenderOrg() : hop.senderOrg());
    }

    private static String table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
