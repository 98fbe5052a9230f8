package io.liaison.gateway.track;

import io.liaison.gateway.dispatch.CircuitBreaker.BreakerStatus;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.Hop;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.store.StoredRefusal;
import io.liaison.gateway.track.ack.ConfirmationStore;
import io.liaison.gateway.track.escalation.EscalationStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A notice's status: recipient × channel × state, the chain of hops, the refusals with reasons, the
 * confirmations (who, how, when; rejected attempts too), the escalation steps taken, and the channels'
 * circuit breakers. States are honest: queued (stored, waiting), sending, sent (accepted by the server),
 * delivered (receipt), acknowledged (the recipient confirmed), failed (with the reason).
 *
 * @param followUps     updates and cancellations that refer to this notice
 * @param confirmations every confirmation attempt naming this notice, oldest first
 * @param watches       per recipient organisation, the wait for its confirmation
 * @param escalations   the escalation steps taken, oldest first
 * @param channels      each channel's circuit breaker right now
 */
public record StatusReport(StoredNotice notice, List<Hop> hops, List<Delivery> deliveries, List<StoredRefusal> refusals,
                           List<StoredNotice> followUps, List<Confirmation> confirmations, List<EscalationWatch> watches,
                           List<EscalationRecord> escalations, List<BreakerStatus> channels) {

    public StatusReport {
        hops = List.copyOf(hops);
        deliveries = List.copyOf(deliveries);
        refusals = List.copyOf(refusals);
        followUps = List.copyOf(followUps);
        confirmations = List.copyOf(confirmations);
        watches = List.copyOf(watches);
        escalations = List.copyOf(escalations);
        channels = List.copyOf(channels);
    }

    public StatusReport(StoredNotice notice, List<Hop> hops, List<Delivery> deliveries, List<StoredRefusal> refusals,
                        List<StoredNotice> followUps) {
        this(notice, hops, deliveries, refusals, followUps, List.of(), List.of(), List.of(), List.of());
    }

    public static StatusReport of(NoticeStore store, String reference) {
        StoredNotice notice = store.notice(reference)
                .orElseThrow(() -> new IllegalArgumentException("no notice with reference " + reference));
        return new StatusReport(notice, store.hops(reference), store.deliveries(reference), store.refusals(reference),
                store.followUpsOf(reference));
    }

    /** The same report with the delivery-assurance facts read from their stores. */
    public StatusReport withTracking(ConfirmationStore confirmed, EscalationStore escalation, List<BreakerStatus> breakers) {
        return withTracking(confirmed.confirmations(notice.reference()), escalation.watches(notice.reference()),
                escalation.steps(notice.reference()), breakers);
    }

    /** The same report with the delivery-assurance facts added. */
    public StatusReport withTracking(List<Confirmation> confirmed, List<EscalationWatch> waits, List<EscalationRecord> steps,
                                     List<BreakerStatus> breakers) {
        return new StatusReport(notice, hops, deliveries, refusals, followUps, confirmed, waits, steps, breakers);
    }

    /** True when no delivery is waiting for an attempt right now (pending retries count as unsettled). */
    public boolean settled() {
        return deliveries.stream().allMatch(d -> d.state() == DeliveryState.SENT || d.state() == DeliveryState.DELIVERED
                || d.state() == DeliveryState.FAILED);
    }

    public long count(DeliveryState state) {
        return deliveries.stream().filter(d -> d.state() == state).count();
    }

    /** The confirmation that counts for each organisation that confirmed, by organisation. */
    public Map<String, Confirmation> confirmedOrganisations() {
        Map<String, Confirmation> out = new LinkedHashMap<>();
        confirmations.stream().filter(c -> c.verdict() == ConfirmationVerdict.CONFIRMED && c.organisationId().isPresent())
                .forEach(c -> out.putIfAbsent(c.organisationId().get(), c));
        return out;
    }

    /** The first accepted confirmation of each point of contact that confirmed, by point of contact. */
    public Map<String, Confirmation> confirmedContacts() {
        Map<String, Confirmation> out = new LinkedHashMap<>();
        confirmations.stream().filter(c -> c.verdict().accepted() && c.pocId().isPresent())
                .forEach(c -> out.putIfAbsent(c.pocId().get(), c));
        return out;
    }

    /** A delivery's state as the table shows it. */
    public String stateOf(Delivery d) {
        if ((d.state() == DeliveryState.SENT || d.state() == DeliveryState.DELIVERED) && confirmedContacts().containsKey(d.pocId())) {
            return "acknowledged";
        }
        return d.state() == DeliveryState.PENDING ? "queued" : d.state().name().toLowerCase();
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
                    .append(time(f.createdAt(), zone)).append(")\n");
        }
        Map<Long, Hop> byId = hops.stream().collect(Collectors.toMap(Hop::id, Function.identity()));
        b.append("Chain:\n");
        // The notice's own hops and, in time order among them, each follow-up that cancelled or superseded it:
        // a reader of the chain sees where the notice went and that it was later withdrawn, and by whom.
        List<Map.Entry<Instant, String>> chain = new ArrayList<>();
        for (Hop h : hops) {
            List<String> to = deliveries.stream().filter(d -> d.hopId() == h.id()).map(Delivery::organisationId).distinct().toList();
            chain.add(Map.entry(h.at(), "  " + time(h.at(), zone) + "  " + h.action() + " by " + h.senderPoc() + " ("
                    + h.senderOrg() + ") -> " + (to.isEmpty() ? "nobody" : String.join(", ", to)) + "\n"));
        }
        for (StoredNotice f : followUps) {
            boolean cancel = f.followUp().orElseThrow().type() == io.liaison.gateway.intake.FollowUp.Type.CANCEL;
            chain.add(Map.entry(f.createdAt(), "  " + time(f.createdAt(), zone) + "  " + (cancel ? "cancel" : "update") + " by "
                    + f.senderPoc() + " (" + f.originatorOrg() + ") as " + f.reference() + "\n"));
        }
        chain.stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append(e.getValue()));
        Map<String, Confirmation> acknowledged = confirmedContacts();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RECIPIENT", "POC", "CHANNEL", "STATE", "TRIES", "VIA", "DETAIL"});
        for (Delivery d : deliveries) {
            String detail = switch (d.state()) {
                case SENT -> d.serverId().map(s -> "accepted " + time(d.updatedAt(), zone) + " id " + s).orElse("");
                case DELIVERED -> "delivered " + time(d.updatedAt(), zone) + d.serverId().map(s -> " id " + s).orElse("");
                case PENDING -> d.nextAttemptAt().map(t -> "next try " + time(t, zone)).orElse("")
                        + d.lastError().map(e -> " after: " + e).orElse("");
                default -> d.lastError().orElse("");
            };
            String state = stateOf(d);
            if (state.equals("acknowledged")) {
                Confirmation c = acknowledged.get(d.pocId());
                detail = "confirmed " + time(c.at(), zone) + " via " + c.channel().label() + "; " + detail;
            }
            rows.add(new String[] {d.organisationId(), d.pocId(), d.channel().yamlName(), state,
                    String.valueOf(d.attempts()), viaOf(byId.get(d.hopId()), d), detail});
        }
        b.append(table(rows));
        renderRefusals(b, byId);
        renderConfirmations(b, zone);
        renderEscalation(b, zone);
        renderChannels(b, zone);
        Set<String> asked = recipientOrganisations();
        long confirmedCount = asked.stream().filter(confirmedOrganisations()::containsKey).count();
        // The first five counts keep the spine's wording (pending = queued), which scripts and tests read.
        b.append(String.format("Totals: %d sent, %d pending, %d sending, %d failed, %d refused, %d delivered", count(DeliveryState.SENT),
                count(DeliveryState.PENDING), count(DeliveryState.SENDING), count(DeliveryState.FAILED), refusals.size(),
                count(DeliveryState.DELIVERED)));
        if (ConfirmationScope.askedFor(notice)) {
            b.append(String.format("; %d of %d recipient organisations confirmed", confirmedCount, asked.size()));
        }
        b.append('\n');
        return b.toString();
    }

    private void renderRefusals(StringBuilder b, Map<Long, Hop> byId) {
        if (refusals.isEmpty()) {
            return;
        }
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

    private void renderConfirmations(StringBuilder b, ZoneId zone) {
        Set<String> asked = recipientOrganisations();
        if (asked.isEmpty() || !ConfirmationScope.askedFor(notice)) {
            return;
        }
        Map<String, Confirmation> first = confirmedOrganisations();
        Map<String, EscalationWatch> waits = watches.stream()
                .collect(Collectors.toMap(EscalationWatch::organisationId, Function.identity(), (x, y) -> x, LinkedHashMap::new));
        int width = asked.stream().mapToInt(String::length).max().orElse(0);
        b.append("Confirmations:\n");
        for (String org : asked) {
            b.append("  ").append(String.format("%-" + width + "s  ", org));
            Confirmation c = first.get(org);
            if (c != null) {
                b.append("confirmed by ").append(c.pocId().orElse("?")).append(" via ").append(c.channel().label())
                        .append(" at ").append(time(c.at(), zone)).append(c.note().map(n -> " (note: " + n + ")").orElse(""));
            } else {
                b.append("NOT CONFIRMED");
                Optional.ofNullable(waits.get(org)).ifPresent(w -> b.append(waiting(w, zone)));
            }
            b.append('\n');
        }
        confirmations.stream().filter(c -> c.verdict() == ConfirmationVerdict.ALSO_CONFIRMED).forEach(c ->
                b.append("  also: ").append(c.pocId().orElse("?")).append(" (").append(c.organisationId().orElse("?"))
                        .append(") via ").append(c.channel().label()).append(" at ").append(time(c.at(), zone))
                        .append(" - kept, changes nothing\n"));
        List<Confirmation> rejected = confirmations.stream().filter(c -> !c.verdict().accepted()).toList();
        if (!rejected.isEmpty()) {
            b.append("Rejected confirmation attempts:\n");
            for (Confirmation c : rejected) {
                b.append("  ").append(time(c.at(), zone)).append("  ").append(c.channel().label()).append(" from ")
                        .append(c.pocId().orElse("an unregistered sender")).append(": ").append(c.verdict().description())
                        .append(c.detail().filter(d -> !d.startsWith("reply: ")).map(d -> " (" + firstClause(d) + ")").orElse(""))
                        .append('\n');
            }
        }
    }

    private String waiting(EscalationWatch w, ZoneId zone) {
        return switch (w.state()) {
            case OPEN -> w.stepsTaken() == 0
                    ? "; deadline " + time(w.deadlineAt(), zone)
                    : "; escalation step " + w.stepsTaken() + "/" + w.totalSteps() + " taken"
                            + w.nextStepAt().map(t -> ", next at " + time(t, zone)).orElse("");
            case EXHAUSTED -> "; every escalation step taken (" + w.totalSteps() + ")";
            case WITHDRAWN -> "; no longer chased: the notice was updated or cancelled";
            case CONFIRMED -> "";
        };
    }

    private void renderEscalation(StringBuilder b, ZoneId zone) {
        if (escalations.isEmpty()) {
            return;
        }
        Map<String, Integer> totals = watches.stream()
                .collect(Collectors.toMap(EscalationWatch::organisationId, EscalationWatch::totalSteps, (x, y) -> x));
        b.append("Escalation:\n");
        for (EscalationRecord e : escalations) {
            b.append("  ").append(time(e.at(), zone)).append("  ").append(e.organisationId()).append("  step ")
                    .append(e.stepNo()).append(Optional.ofNullable(totals.get(e.organisationId())).map(t -> "/" + t).orElse(""))
                    .append(' ').append(e.action().label()).append(": ").append(e.detail()).append('\n');
        }
    }

    private void renderChannels(StringBuilder b, ZoneId zone) {
        if (channels.isEmpty()) {
            return;
        }
        b.append("Channels: ").append(channels.stream().map(c -> c.channel().yamlName() + " " + (c.open()
                ? "circuit OPEN until " + c.openUntil().map(t -> time(t, zone)).orElse("?") + " (" + c.consecutiveFailures()
                        + " consecutive temporary failures; deliveries wait)"
                : "ok" + (c.consecutiveFailures() > 0 ? " (" + c.consecutiveFailures() + " recent failures)" : "")))
                .collect(Collectors.joining("; "))).append('\n');
    }

    /** Organisations asked to confirm: those reached by the notice's own hops, in the order reached. */
    private Set<String> recipientOrganisations() {
        Set<String> out = new LinkedHashSet<>();
        deliveries.stream().filter(d -> d.role().isOriginal()).forEach(d -> out.add(d.organisationId()));
        return out;
    }

    private static String viaOf(Hop hop, Delivery d) {
        String role = switch (d.role()) {
            case LIAISON_COPY -> "copy";
            case FORWARD -> "fwd";
            case DIRECT -> "direct";
            case REMINDER -> "remind";
            case ESCALATION -> "escal";
            case DUTY_ALERT -> "alert";
        };
        return role + ":" + (hop == null ? d.hopSenderOrg() : hop.senderOrg());
    }

    private static String firstClause(String detail) {
        int semicolon = detail.indexOf("; reply: ");
        return semicolon < 0 ? detail : detail.substring(0, semicolon);
    }

    private static String time(java.time.Instant at, ZoneId zone) {
        return io.liaison.gateway.time.DisplayTime.format(at, zone);
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
