package io.liaison.gateway.numbering;

import io.liaison.gateway.events.GatewayEvent;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.policy.PlannedForward;
import io.liaison.gateway.policy.PlannedNotice;
import io.liaison.gateway.store.NoticeStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Numbers an accepted notice and stores it with its plan, in one transaction, before anything is sent. */
public final class Registrar {
    private final NoticeStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final String prefix;
    private final GatewayEvents events;

    public Registrar(NoticeStore store, Clock clock, ZoneId zone, String prefix, GatewayEvents events) {
        this.events = events;
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.prefix = prefix;
    }

    public Registered register(PlannedNotice planned) {
        Instant now = clock.instant();
        String series = planned.draft().followUp()
                .map(f -> ReferenceNumber.followUpSeries(f.references(), f.type()))
                .orElseGet(() -> ReferenceNumber.series(planned.originatorIsNisc() ? prefix : ReferenceNumber.prefixOf(planned.originatorOrg()),
                        planned.draft().exercise(), planned.draft().kind(), planned.draft().priority(), now.atZone(zone).getYear()));
        ReferenceNumber reference = store.accept(planned.draft(), planned.originatorOrg(), series, planned.plan(), planned.onward(), now);
        events.publish(new GatewayEvent(GatewayEvent.Kind.NOTICE_ACCEPTED, reference.value(), planned.originatorOrg(), now));
        return new Registered(reference.value(), planned.deliveryCount(), planned.refusalCount());
    }

    public Registered register(PlannedForward planned) {
        Instant now = clock.instant();
        store.recordForward(planned.reference(), planned.senderOrg(), planned.senderPoc(), planned.plan(), now);
        events.publish(new GatewayEvent(GatewayEvent.Kind.NOTICE_FORWARDED, planned.reference(), planned.senderOrg(), now));
        return new Registered(planned.reference(), planned.plan().deliveries().size(), planned.plan().refusals().size());
    }

    /** What the sender is told right away: the reference and how many deliveries and refusals were stored. */
    public record Registered(String reference, int deliveries, int refusals) {
    }
}
