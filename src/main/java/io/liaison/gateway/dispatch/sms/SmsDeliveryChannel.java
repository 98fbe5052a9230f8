package io.liaison.gateway.dispatch.sms;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.dispatch.DeliveryChannel;
import io.liaison.gateway.dispatch.DeliveryRefusedException;
import io.liaison.gateway.dispatch.NoteLookup;
import io.liaison.gateway.dispatch.NoticeCache;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.DeliveryNoteSource;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel: the marked short text (level first) to the point of contact's number, with the
 * delivery's note (reminder, escalation, confirmation code). The summary is shortened to fit the
 * concatenation cap; the level, reference and code never are.
 */
public final class SmsDeliveryChannel implements DeliveryChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SmsDeliveryChannel.class);

    private final NoticeCache notices;
    private final NoticeMarking marking;
    private final SmsTransport transport;
    private final DeliveryNoteSource notes;
    private final int maxSegments;
    private final SmsPartLog parts;
    private final Clock clock;

    public SmsDeliveryChannel(NoticeStore store, NoticeMarking marking, SmsTransport transport) {
        this(store, marking, transport, DeliveryNoteSource.NONE, SmsEncoding.MAX_SEGMENTS, SmsPartLog.NONE,
                Clock.systemUTC());
    }

    public SmsDeliveryChannel(NoticeStore store, NoticeMarking marking, SmsTransport transport, DeliveryNoteSource notes,
                              int maxSegments, SmsPartLog parts, Clock clock) {
        this.notices = new NoticeCache(store);
        this.marking = marking;
        this.transport = transport;
        this.notes = notes;
        this.maxSegments = maxSegments;
        this.parts = parts;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public String deliver(Delivery delivery) throws TransportFailure, DeliveryRefusedException {
        StoredNotice notice = notices.notice(delivery.reference())
                .orElseThrow(() -> new DeliveryRefusedException("notice " + delivery.reference() + " is not in the store"));
        DeliveryNote note = NoteLookup.noteFor(notes, notice, delivery);
        String text = marking.sms(notice, note, t -> SmsEncoding.segmentsFor(t) <= maxSegments);
        String ids = transport.submit(delivery.address(), text);
        logParts(delivery, ids);
        return ids;
    }

    // Without the log a receipt cannot be matched, but the SMS is out: losing the receipt beats sending twice.
    private void logParts(Delivery delivery, String ids) {
        if (ids == null || ids.isBlank()) {
            return;
        }
        List<String> split = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            parts.submitted(delivery.id(), split, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("{} SMS to {}: accepted, but its message ids could not be stored; its receipt will not be matched: {}",
                    delivery.reference(), delivery.pocId(), e.getMessage());
        }
    }
}
