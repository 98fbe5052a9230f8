package io.liaison.gateway.application;

import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.Hop;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.store.StoredRefusal;
import io.liaison.gateway.track.Confirmation;
import io.liaison.gateway.track.EscalationRecord;
import io.liaison.gateway.track.EscalationWatch;
import io.liaison.gateway.track.StatusReport;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A notice's status and an organisation's inbox, scoped at the source: NISC sees every notice whole;
 * any other organisation only notices it originated, passed on or received (the store query takes the
 * organisation), and of those only its own deliveries and those of its own hops. A notice it did not
 * receive is NOT_FOUND, whether or not it exists.
 */
public final class NoticeStatus {
    private static final int INBOX_MAX = 500;

    private final ApplicationParts parts;
    private final Guard guard;

    NoticeStatus(ApplicationParts parts, Guard guard) {
        this.parts = parts;
        this.guard = guard;
    }

    public StatusReport status(Actor actor, String reference) {
        boolean whole = guard.authorisation().seesEveryNotice(actor);
        Optional<StoredNotice> notice = whole ? parts.notices().notice(reference)
                : parts.notices().noticeVisibleTo(reference, actor.organisationId());
        guard.require(actor, Action.VIEW_NOTICE, reference, notice.isPresent());
        if (whole) {
            return StatusReport.of(parts.notices(), reference).withTracking(parts.confirmations(), parts.escalations(),
                    parts.breakers().get());
        }
        String org = actor.organisationId();
        boolean originator = notice.get().originatorOrg().equals(org);
        List<Delivery> deliveries = parts.notices().deliveriesVisibleTo(reference, org);
        Set<Long> hopsSeen = deliveries.stream().map(Delivery::hopId).collect(java.util.stream.Collectors.toSet());
        List<Hop> hops = parts.notices().hops(reference).stream()
                .filter(h -> originator || h.senderOrg().equals(org) || hopsSeen.contains(h.id())).toList();
        List<StoredRefusal> refusals = parts.notices().refusals(reference).stream()
                .filter(r -> originator || hops.stream().anyMatch(h -> h.id() == r.hopId() && h.senderOrg().equals(org))).toList();
        List<StoredNotice> followUps = parts.notices().followUpsOf(reference);
        List<Confirmation> confirmed = parts.confirmations().confirmations(reference).stream()
                .filter(c -> originator || c.organisationId().filter(org::equals).isPresent()).toList();
        List<EscalationWatch> watches = parts.escalations().watches(reference).stream()
                .filter(w -> originator || w.organisationId().equals(org)).toList();
        List<EscalationRecord> steps = parts.escalations().steps(reference).stream()
                .filter(s -> originator || s.organisationId().equals(org)).toList();
        return new StatusReport(notice.get(), hops, deliveries, refusals, followUps).withTracking(confirmed, watches, steps, List.of());
    }

    /** The same as {@link #status}, in the plain values a page shows. */
    public NoticeDetail detail(Actor actor, String reference) {
        return NoticeDetail.of(status(actor, reference));
    }

    /** The notices the actor's organisation originated, passed on or received, newest first. */
    public List<NoticeSummary> inbox(Actor actor) {
        guard.require(actor, Action.VIEW_INBOX, actor.organisationId());
        return parts.notices().noticesVisibleTo(actor.organisationId(), INBOX_MAX).stream().map(NoticeSummary::of).toList();
    }
}
