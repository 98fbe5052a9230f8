package io.liaison.gateway.marking;

import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;

/** Gives each delivery its note; the channels ask it while rendering. */
@FunctionalInterface
public interface DeliveryNoteSource {

    DeliveryNoteSource NONE = (notice, delivery) -> DeliveryNote.NONE;

    DeliveryNote noteFor(StoredNotice notice, Delivery delivery);
}
