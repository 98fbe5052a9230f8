package io.liaison.gateway.events;

import java.util.function.Consumer;

/**
 * Publishes {@link GatewayEvent}s to whoever subscribed. {@link #publish} never blocks on a subscriber
 * and never throws because of one: the delivery path calls it.
 */
public interface GatewayEvents {

    void publish(GatewayEvent event);

    /**
     * Registers {@code listener} until the returned subscription is closed. The listener is called on
     * the publisher's thread and must hand slow work (a network write) to a thread of its own.
     */
    Subscription subscribe(Consumer<GatewayEvent> listener);

    /** Ends a subscription; closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Publishes to nobody: for parts built outside a gateway (tests of one room, tools). */
    static GatewayEvents none() {
        return NoEvents.INSTANCE;
    }

    /** The in-process fan-out. */
    static GatewayEvents inMemory() {
        return new InMemoryGatewayEvents();
    }
}
