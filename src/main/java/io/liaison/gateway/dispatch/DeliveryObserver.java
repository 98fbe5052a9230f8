package io.liaison.gateway.dispatch;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.metrics.DeliveryOutcome;
import io.liaison.gateway.metrics.GatewayMetrics;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells {@link GatewayMetrics} what became of each delivery of one channel. For the send-to-acceptance
 * time it needs the notice's priority and acceptance time: a fan-out's deliveries mostly belong to one
 * notice, so the last one read is kept in a volatile field (no lock on the delivery path) and a
 * {@link NoticeCache} answers the rest. With {@link GatewayMetrics#none()} nothing is read.
 */
final class DeliveryObserver {
    private final ChannelKind channel;
    private final GatewayMetrics metrics;
    private final NoticeCache notices;
    private volatile SentAt last;

    DeliveryObserver(ChannelKind channel, GatewayMetrics metrics, NoticeCache notices) {
        this.channel = channel;
        this.metrics = metrics;
        this.notices = notices;
    }

    void sent(Delivery d, Instant acceptedAt) {
        metrics.delivery(channel, DeliveryOutcome.SENT);
        if (metrics != GatewayMetrics.none()) {
            sentAt(d.reference()).ifPresent(s ->
                    metrics.accepted(channel, s.priority(), Duration.between(s.createdAt(), acceptedAt)));
        }
    }

    void retry() {
        metrics.delivery(channel, DeliveryOutcome.RETRY);
    }

    void failed() {
        metrics.delivery(channel, DeliveryOutcome.FAILED);
    }

    private Optional<SentAt> sentAt(String reference) {
        SentAt seen = last;
        if (seen != null && seen.reference().equals(reference)) {
            return Optional.of(seen);
        }
        Optional<SentAt> read = notices.notice(reference).map(SentAt::of);
        read.ifPresent(s -> last = s);
        return read;
    }

    private record SentAt(String reference, Priority priority, Instant createdAt) {
        static SentAt of(StoredNotice n) {
            return new SentAt(n.reference(), n.priority(), n.createdAt());
        }
    }
}
