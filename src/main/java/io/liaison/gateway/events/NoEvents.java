package io.liaison.gateway.events;

import java.util.function.Consumer;

/** Drops every event; a subscriber hears nothing. */
enum NoEvents implements GatewayEvents {
    INSTANCE;

    @Override
    public void publish(GatewayEvent event) {
        // nobody listens
    }

    @Override
    public Subscription subscribe(Consumer<GatewayEvent> listener) {
        return () -> { };
    }
}
