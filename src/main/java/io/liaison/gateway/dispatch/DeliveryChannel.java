package io.liaison.gateway.dispatch;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.Delivery;

/** Renders and hands one delivery to its channel's server. */
public interface DeliveryChannel {

    ChannelKind kind();

    /** @return the server's identifier for what it accepted (Message-ID, SMSC message id) */
    String deliver(Delivery delivery) throws TransportFailure, DeliveryRefusedException;

    /**
     * The part of {@link #deliver} that needs no server: a channel whose rendering is costly (e-mail
     * encryption) overrides this so its dispatcher can prepare several deliveries in parallel while
     * handing them over one at a time. Must be safe to call from several threads at once.
     */
    default PreparedDelivery prepare(Delivery delivery) throws DeliveryRefusedException {
        return () -> deliver(delivery);
    }
}
