package io.liaison.gateway.dispatch;

import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.DeliveryNoteSource;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;

/** Fetches a delivery's note for a channel; a storage hiccup becomes a retry, never a message without its code. */
public final class NoteLookup {
    private NoteLookup() {
    }

    public static DeliveryNote noteFor(DeliveryNoteSource notes, StoredNotice notice, Delivery delivery) throws TransportFailure {
        try {
            return notes.noteFor(notice, delivery);
        } catch (RuntimeException e) {
            throw TransportFailure.temporary("could not prepare the delivery's confirmation code or note: " + e.getMessage(), e);
        }
    }
}
