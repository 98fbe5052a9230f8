package io.liaison.gateway.dispatch.sms;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.dispatch.DeliveryChannel;
import io.liaison.gateway.dispatch.DeliveryRefusedException;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;

/** The SMS channel: the marked short text (level first) to the point of contact's number. */
public final class SmsDeliveryChannel implements DeliveryChannel {
    private final NoticeStore store;
    private final NoticeMarking marking;
    private final SmsTransport transport;

    public SmsDeliveryChannel(NoticeStore store, NoticeMarking marking, SmsTransport transport) {
        this.store = store;
        this.marking = marking;
        this.transport = transport;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public String deliver(Delivery delivery) throws TransportFailure, DeliveryRefusedException {
        StoredNotice notice = store.notice(delivery.reference())
                .orElseThrow(() -> new DeliveryRefusedException("notice " + delivery.reference() + " is not in the store"));
        return transport.submit(delivery.address(), marking.sms(notice));
    }
}
