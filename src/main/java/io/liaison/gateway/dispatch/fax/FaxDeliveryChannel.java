package io.liaison.gateway.dispatch.fax;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.compose.fax.FaxContext;
import io.liaison.gateway.compose.fax.FaxRenderer;
import io.liaison.gateway.compose.fax.RenderedFax;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.dispatch.DeliveryChannel;
import io.liaison.gateway.dispatch.DeliveryRefusedException;
import io.liaison.gateway.dispatch.NoteLookup;
import io.liaison.gateway.dispatch.NoticeCache;
import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.marking.DeliveryNoteSource;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fax channel: the marked notice rendered as fax pages (in full up to the configured level, a cover
 * sheet above it) and handed to the {@link FaxBridge}. A number that is not E.164 is refused before
 * anything is rendered or sent.
 */
public final class FaxDeliveryChannel implements DeliveryChannel {
    private final NoticeCache notices;
    private final Supplier<Directory> directory;
    private final FaxRenderer renderer;
    private final FaxBridge bridge;
    private final DeliveryNoteSource notes;

    public FaxDeliveryChannel(NoticeStore store, Supplier<Directory> directory, FaxRenderer renderer, FaxBridge bridge) {
        this(store, directory, renderer, bridge, DeliveryNoteSource.NONE);
    }

    /** With {@code notes}, each fax carries its recipient's confirmation code. */
    public FaxDeliveryChannel(NoticeStore store, Supplier<Directory> directory, FaxRenderer renderer, FaxBridge bridge,
                              DeliveryNoteSource notes) {
        this.notices = new NoticeCache(store);
        this.directory = directory;
        this.renderer = renderer;
        this.bridge = bridge;
        this.notes = notes;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.FAX;
    }

    @Override
    public String deliver(Delivery delivery) throws TransportFailure, DeliveryRefusedException {
        StoredNotice notice = notices.noticeOf(delivery);
        FaxNumber number = number(delivery);
        Optional<String> code = NoteLookup.noteFor(notes, notice, delivery).confirmationCode();
        RenderedFax fax = render(notice, delivery, number, code);
        return bridge.submit(new FaxJob(notice.reference(), delivery.id(), notice.level(), notice.exercise(), number,
                Optional.empty(), fax));
    }

    /** The pages this delivery sends (or sent), for the demo's {@code --out} and for inspection. */
    public RenderedFax render(Delivery delivery) throws DeliveryRefusedException {
        StoredNotice notice = notices.noticeOf(delivery);
        return render(notice, delivery, number(delivery), notes.noteFor(notice, delivery).confirmationCode());
    }

    public FaxBridge bridge() {
        return bridge;
    }

    private static FaxNumber number(Delivery delivery) throws DeliveryRefusedException {
        try {
            return FaxNumber.parse(delivery.address());
        } catch (InvalidFaxNumberException e) {
            throw new DeliveryRefusedException(e.getMessage() + "; nothing was sent");
        }
    }

    private RenderedFax render(StoredNotice notice, Delivery delivery, FaxNumber number, Optional<String> code)
            throws DeliveryRefusedException {
        try {
            return renderer.render(notice, context(notice, delivery, number, code));
        } catch (IOException | RuntimeException e) {
            throw new DeliveryRefusedException("could not render the fax pages: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private FaxContext context(StoredNotice notice, Delivery delivery, FaxNumber number, Optional<String> code) {
        String recipient = directory.get().pointOfContact(delivery.pocId())
                .map(p -> p.name() + ", " + orgName(p.organisationId()))
                .orElse(delivery.pocId());
        Optional<String> via = Objects.equals(delivery.hopSenderOrg(), notice.originatorOrg()) ? Optional.empty()
                : Optional.of(orgName(delivery.hopSenderOrg()) + " (" + delivery.hopSenderPoc() + ")");
        List<String> sectors = notice.targetSectors().stream()
                .map(id -> directory.get().sectors().get(id))
                .filter(Objects::nonNull)
                .map(s -> s.nameJa() + " " + s.name())
                .toList();
        if (notice.kind() == NoticeKind.INCIDENT_RELAY) {
            // The relay comes from the gateway's operator; the reporter is named only inside the encryption.
            return new FaxContext(recipient, number.e164(), directory.get().nisc().name(), Optional.empty(), List.of(), code);
        }
        return new FaxContext(recipient, number.e164(), orgName(notice.originatorOrg()), via, sectors, code);
    }

    private String orgName(String id) {
        return directory.get().organisation(id).map(Organisation::displayName).orElse(id);
    }
}
