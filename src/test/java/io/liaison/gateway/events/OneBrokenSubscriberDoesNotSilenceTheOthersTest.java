package io.liaison.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneBrokenSubscriberDoesNotSilenceTheOthersTest {

    @Test
    void aThrowingSubscriberIsSkippedAndThePublisherCarriesOn() {
        InMemoryGatewayEvents events = new InMemoryGatewayEvents();
        List<GatewayEvent> heard = new ArrayList<>();
        events.subscribe(e -> {
            throw new IllegalStateException("the browser went away");
        });
        GatewayEvents.Subscription second = events.subscribe(heard::add);
        GatewayEvent sent = new GatewayEvent(GatewayEvent.Kind.DELIVERY_SENT, "NISC-1", "meti", Instant.EPOCH);

        events.publish(sent);
        second.close();
        second.close();
        events.publish(sent);

        assertEquals(List.of(sent), heard);
        assertEquals(1, events.subscribers());
    }

    @Test
    void kindsTravelByTheirWireNames() {
        for (GatewayEvent.Kind k : GatewayEvent.Kind.values()) {
            assertEquals(k, GatewayEvent.Kind.fromWireName(k.wireName()));
        }
    }
}
