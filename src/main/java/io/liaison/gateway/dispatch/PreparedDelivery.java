package io.liaison.gateway.dispatch;

/** A delivery rendered (and for e-mail, signed and encrypted), waiting to be handed to its server. */
@FunctionalInterface
public interface PreparedDelivery {

    /** @return the server's identifier for what it accepted */
    String handOver() throws TransportFailure, DeliveryRefusedException;
}
