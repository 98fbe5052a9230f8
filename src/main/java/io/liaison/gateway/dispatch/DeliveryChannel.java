package io.liaison.gateway.dispatch;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.store.Delivery;

/** Renders and hands one delivery to its channel's server. */
public interface DeliveryChannel {

    ChannelKind kind();

    /** @return the server's identifier for what it accepted (Message-ID, SMSC message id) */
    String deliver(Delivery delivery) throws TransportFailure, DeliveryRefusedException;
}
