package io.liaison.gateway.dispatch;

/** A delivery rendered (and for e-mail, signed and encrypted), waiting to be handed to its server. */
@FunctionalInterface
public interface PreparedDelivery {

    /** @return the server's identifier for what it accepted */
    String handOver() throws TransportFailure, DeliveryRefusedException;

    /**
     * A delivery that could not be prepared for a reason that is not its own (a storage hiccup): it
     * fails when handed over, and the dispatcher retries it as it would a server's refusal.
     */
    static PreparedDelivery failing(TransportFailure failure) {
        return () -> {
            throw failure;
        };
    }
}
