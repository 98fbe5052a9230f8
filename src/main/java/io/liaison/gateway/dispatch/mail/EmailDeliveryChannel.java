package io.liaison.gateway.dispatch.mail;

import io.liaison.gateway.compose.NoticeEmailComposer;
import io.liaison.gateway.compose.ProtectionException;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.dispatch.DeliveryChannel;
import io.liaison.gateway.dispatch.DeliveryRefusedException;
import io.liaison.gateway.dispatch.NoteLookup;
import io.liaison.gateway.dispatch.NoticeCache;
import io.liaison.gateway.dispatch.PreparedDelivery;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.DeliveryNoteSource;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The e-mail channel: signed and encrypted PGP/MIME (or S/MIME), or nothing. Composing and rendering
 * are the costly part and may run on several threads; sending goes through the one transport.
 */
public final class EmailDeliveryChannel implements DeliveryChannel {
    private final NoticeCache notices;
    private final NoticeEmailComposer composer;
    private final MailTransport transport;
    private final DeliveryNoteSource notes;

    public EmailDeliveryChannel(NoticeStore store, NoticeEmailComposer composer, MailTransport transport) {
        this(store, composer, transport, DeliveryNoteSource.NONE);
    }

    public EmailDeliveryChannel(NoticeStore store, NoticeEmailComposer composer, MailTransport transport,
                                DeliveryNoteSource notes) {
        this.notices = new NoticeCache(store);
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
        return prepare(delivery).handOver();
    }

    @Override
    public PreparedDelivery prepare(Delivery delivery) throws DeliveryRefusedException {
        StoredNotice notice = notices.noticeOf(delivery);
        DeliveryNote note;
        try {
            note = NoteLookup.noteFor(notes, notice, delivery);
        } catch (TransportFailure e) {
            return PreparedDelivery.failing(e);
        }
        MimeMessage message;
        String messageId;
        try {
            message = RenderedMessage.of(composer.render(notice, delivery, note), composer.session());
            messageId = message.getMessageID();
        } catch (ProtectionException e) {
            throw new DeliveryRefusedException(e.getMessage());
        } catch (MessagingException e) {
            throw new DeliveryRefusedException("could not compose the e-mail: " + e.getMessage());
        }
        return () -> {
            transport.send(message);
            return messageId == null ? "(accepted)" : messageId;
        };
    }
}
