package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.compose.NoticeEmailComposer;
import io.liaison.gateway.compose.ProtectionException;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.dispatch.DeliveryChannel;
import io.liaison.gateway.dispatch.DeliveryRefusedException;
import io.liaison.gateway.dispatch.NoteLookup;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.DeliveryNoteSource;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The e-mail channel: signed and encrypted PGP/MIME, or nothing. */
public final class EmailDeliveryChannel implements DeliveryChannel {
    private final NoticeStore store;
    private final NoticeEmailComposer composer;
    private final MailTransport transport;
    private final DeliveryNoteSource notes;

    public EmailDeliveryChannel(NoticeStore store, NoticeEmailComposer composer, MailTransport transport) {
        this(store, composer, transport, DeliveryNoteSource.NONE);
    }

    public EmailDeliveryChannel(NoticeStore store, NoticeEmailComposer composer, MailTransport transport,
                                DeliveryNoteSource notes) {
        this.store = store;
        this.composer = composer;
        this.transport = transport;
        this.notes = notes;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public String deliver(Delivery delivery) throws TransportFailure, DeliveryRefusedException {
        StoredNotice notice = store.notice(delivery.reference())
                .orElseThrow(() -> new DeliveryRefusedException("notice " + delivery.reference() + " is not in the store"));
        DeliveryNote note = NoteLookup.noteFor(notes, notice, delivery);
        MimeMessage message;
        try {
            message = composer.compose(notice, delivery, note);
        } catch (ProtectionException e) {
            throw new DeliveryRefusedException(e.getMessage());
        } catch (MessagingException e) {
            throw new DeliveryRefusedException("could not compose the e-mail: " + e.getMessage());
        }
        transport.send(message);
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return "(accepted)";
        }
    }
}
