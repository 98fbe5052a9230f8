package io.liaison.gateway.application;

import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.track.Confirmation;
import io.liaison.gateway.track.EscalationWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The NISC duty board: what is in flight, who has not confirmed, what failed, what was quarantined. */
public final class DutyBoard {
    private static final int MAX_NOTICES = 100;
    private static final int MAX_LIST = 200;

    private final ApplicationParts parts;
    private final Guard guard;
    private final QuarantineReview quarantine;

    DutyBoard(ApplicationParts parts, Guard guard, QuarantineReview quarantine) {
        this.parts = parts;
        this.guard = guard;
        this.quarantine = quarantine;
    }

    /** @param window how far back a notice counts as in flight (e.g. 24 hours) */
    public DutyBoardView board(Actor actor, Duration window) {
        guard.require(actor, Action.VIEW_DUTY_BOARD, "duty board");
        Instant now = parts.clock().instant();
        List<DutyBoardView.BoardNotice> inFlight = new ArrayList<>();
        List<DutyBoardView.NotConfirmed> notConfirmed = new ArrayList<>();
        for (StoredNotice n : parts.notices().noticesSince(now.minus(window), MAX_NOTICES)) {
            List<EscalationWatch> watches = parts.escalations().watches(n.reference());
            inFlight.add(board(n, watches));
            watches.stream().filter(w -> w.state() == EscalationWatch.State.OPEN || w.state() == EscalationWatch.State.EXHAUSTED)
                    .forEach(w -> notConfirmed.add(new DutyBoardView.NotConfirmed(n.reference(), w.organisationId(), w.deadlineAt(),
                            w.state() == EscalationWatch.State.EXHAUSTED)));
        }
        List<DutyBoardView.FailedDelivery> failed = parts.notices().deliveriesInState(DeliveryState.FAILED, MAX_LIST).stream()
                .map(d -> new DutyBoardView.FailedDelivery(d.id(), d.reference(), d.organisationId(), d.pocId(), d.channel().yamlName(),
                        d.lastError().orElse(""), d.updatedAt()))
                .toList();
        // the quarantine list is part of the board; reading it here needs no second permission
        return new DutyBoardView(now, inFlight, notConfirmed, failed, quarantine.quarantined(MAX_LIST));
    }

    private DutyBoardView.BoardNotice board(StoredNotice n, List<EscalationWatch> watches) {
        Map<String, Confirmation> confirmed = new LinkedHashMap<>();
        for (Confirmation c : parts.confirmations().confirmations(n.reference())) {
            if (c.verdict().accepted() && c.organisationId().isPresent()) {
                confirmed.putIfAbsent(c.organisationId().get(), c);
            }
        }
        Map<String, List<Delivery>> byOrg = parts.notices().deliveries(n.reference()).stream()
                .collect(Collectors.groupingBy(Delivery::organisationId, LinkedHashMap::new, Collectors.toList()));
        List<DutyBoardView.RecipientState> recipients = new ArrayList<>();
        byOrg.forEach((org, deliveries) -> {
            Optional<Confirmation> c = Optional.ofNullable(confirmed.get(org));
            recipients.add(new DutyBoardView.RecipientState(org, channels(deliveries), c.map(Confirmation::at),
                    c.flatMap(Confirmation::pocId)));
        });
        List<DutyBoardView.EscalationFired> fired = parts.escalations().steps(n.reference()).stream()
                .map(s -> new DutyBoardView.EscalationFired(s.organisationId(), s.stepNo(), s.action().name().toLowerCase(Locale.ROOT),
                        s.detail(), s.at()))
                .toList();
        List<DutyBoardView.EscalationDue> due = watches.stream().filter(w -> w.state() == EscalationWatch.State.OPEN)
                .map(w -> new DutyBoardView.EscalationDue(w.organisationId(), w.deadlineAt(), w.nextStepAt(), w.stepsTaken(),
                        w.totalSteps()))
                .toList();
        return new DutyBoardView.BoardNotice(NoticeSummary.of(n), recipients, fired, due);
    }

    /** Per channel: "delivered" when all agree, else each state with its count ("sent 1, failed 1"). */
    private static Map<String, String> channels(List<Delivery> deliveries) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Delivery d : deliveries) {
            counts.computeIfAbsent(d.channel().yamlName(), k -> new TreeMap<>())
                    .merge(d.state().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
        Map<String, String> out = new TreeMap<>();
        counts.forEach((channel, states) -> out.put(channel, states.size() == 1 ? states.keySet().iterator().next()
                : states.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        return out;
    }
}
