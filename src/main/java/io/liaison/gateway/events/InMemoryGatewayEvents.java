package io.liaison.gateway.events;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out inside one process. Subscribers come and go rarely (a console page opens or closes) and
 * events are published often, so the list is copied on write and read without a lock; with no
 * subscriber a publish costs one empty iteration.
 */
public final class InMemoryGatewayEvents implements GatewayEvents {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryGatewayEvents.class);

    private final CopyOnWriteArrayList<Consumer<GatewayEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(GatewayEvent event) {
        for (Consumer<GatewayEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // A broken subscriber (a closed browser tab) must not stop a delivery or the other subscribers;
                // it is logged, and it stays subscribed until its owner closes it.
                LOG.warn("a subscriber failed on {} {}: {}", event.kind().wireName(), event.reference(), e.toString());
            }
        }
    }

    @Override
    public Subscription subscribe(Consumer<GatewayEvent> listener) {
        // A wrapper of our own, so the same listener subscribed twice is two subscriptions, each removed once.
        Consumer<GatewayEvent> entry = listener::accept;
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    /** How many subscriptions are open; for tests and the console's health line. */
    public int subscribers() {
        return listeners.size();
    }
}
