package io.liaison.gateway.application;

import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.track.StatusReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A notice's page as a door shows it, in plain values: the notice, its chain (send and forwards), its
 * deliveries with their states, the refusals, the confirmations and the follow-ups — exactly what
 * {@link NoticeStatus#status} let the actor see, so a door need not know the store's records.
 */
public record NoticeDetail(NoticeSummary notice, String senderPoc, String summary, String body, List<Step> chain,
                           List<DeliveryLine> deliveries, List<NoticePreview.Refused> refusals, List<ConfirmationLine> confirmations,
                           List<NoticeSummary> followUps) {
    public NoticeDetail {
        chain = List.copyOf(chain);
        deliveries = List.copyOf(deliveries);
        refusals = List.copyOf(refusals);
        confirmations = List.copyOf(confirmations);
        followUps = List.copyOf(followUps);
    }

    public record Step(String action, String organisationId, String pocId, Instant at) {
    }

    public record DeliveryLine(long id, String organisationId, String pocId, String channel, String state, int attempts,
                               Optional<String> lastError, boolean failed) {
    }

    public record ConfirmationLine(Optional<String> organisationId, Optional<String> pocId, String channel, String verdict, Instant at) {
    }

    public boolean anyFailed() {
        return deliveries.stream().anyMatch(DeliveryLine::failed);
    }

    public static NoticeDetail of(StatusReport s) {
        return new NoticeDetail(NoticeSummary.of(s.notice()), s.notice().senderPoc(), s.notice().summary(), s.notice().body(),
                s.hops().stream().map(h -> new Step(h.action(), h.senderOrg(), h.senderPoc(), h.at())).toList(),
                s.deliveries().stream().map((Delivery d) -> new DeliveryLine(d.id(), d.organisationId(), d.pocId(), d.channel().yamlName(),
                        s.stateOf(d), d.attempts(), d.lastError(), d.state() == DeliveryState.FAILED)).toList(),
                s.refusals().stream().map(r -> new NoticePreview.Refused(r.organisationId(), r.pocId(),
                        r.channel().map(c -> c.yamlName()), r.reason())).toList(),
                s.confirmations().stream().map(c -> new ConfirmationLine(c.organisationId(), c.pocId(),
                        c.channel().name().toLowerCase(Locale.ROOT), c.verdict().name().toLowerCase(Locale.ROOT), c.at())).toList(),
                s.followUps().stream().map(NoticeSummary::of).toList());
    }
}
