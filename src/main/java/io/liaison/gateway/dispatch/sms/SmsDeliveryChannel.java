package io.liaison.gateway.dispatch.sms;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.dispatch.DeliveryChannel;
import io.liaison.gateway.dispatch.DeliveryRefusedException;
import io.liaison.gateway.dispatch.NoteLookup;
import io.liaison.gateway.dispatch.NoticeCache;
import io.liaison.gateway.dispatch.PreparedDelivery;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.DeliveryNoteSource;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;

/**
 * The SMS channel: the marked short text (level first) to the point of contact's number, with the
 * delivery's note (reminder, escalation, confirmation code). The summary is shortened to fit the
 * concatenation cap; the level, reference and code never are.
 *
 * <p>The SMSC's message ids are what the hand-over returns; the store keeps them per part when it
 * records the delivery as sent, so receipts can be matched (see {@code NoticeStore.markAllSent}).
 */
public final class SmsDeliveryChannel implements DeliveryChannel {
    private final NoticeCache notices;
    private final NoticeMarking marking;
    private final SmsTransport transport;
    private final DeliveryNoteSource notes;
    private final int maxSegments;

    public SmsDeliveryChannel(NoticeStore store, NoticeMarking marking, SmsTransport transport) {
        this(store, marking, transport, DeliveryNoteSource.NONE, SmsEncoding.MAX_SEGMENTS);
    }

    public SmsDeliveryChannel(NoticeStore store, NoticeMarking marking, SmsTransport transport, DeliveryNoteSource notes,
                              int maxSegments) {
        this.notices = new NoticeCache(store);
        this.marking = marking;
        this.transport = transport;
        this.notes = notes;
        this.maxSegments = maxSegments;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public String deliver(Delivery delivery) throws TransportFailure, DeliveryRefusedException {
        return prepare(delivery).handOver();
    }

    /** Renders the text here, so that a hand-over running beside others only waits for the SMSC. */
    @Override
    public PreparedDelivery prepare(Delivery delivery) throws DeliveryRefusedException {
        StoredNotice notice = notices.noticeOf(delivery);
        DeliveryNote note;
        try {
            note = NoteLookup.noteFor(notes, notice, delivery);
        } catch (TransportFailure e) {
            return PreparedDelivery.failing(e);
        }
        String text = marking.sms(notice, note, t -> SmsEncoding.segmentsFor(t) <= maxSegments);
        return () -> transport.submit(delivery.address(), text);
    }
}
