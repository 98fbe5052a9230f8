package io.liaison.gateway.compose;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Composes the e-mail of one delivery: the marked notice, signed once per (notice, hop, envelope kind)
 * with the marking bound inside the signature, and encrypted to the point of contact's certificate
 * (PGP/MIME or S/MIME, whichever the certificate is). The true header fields, the Subject with the
 * notice's title among them, travel inside the signed and encrypted part (RFC 9788 header protection);
 * outside, the Subject and header fields carry only the level, the reference and the kind of notice.
 */
public final class NoticeEmailComposer {
    /** A signature is reused only briefly, so a retry hours later is judged against fresh time. */
    private static final Duration SIGNATURE_REUSE = Duration.ofMinutes(5);
    private static final int CACHE_SIZE = 64;

    private final Supplier<Directory> directory;
    private final NoticeMarking marking;
    private final ProtectorSelector protectors;
    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final String fromField;
    private final MailDates dates = new MailDates();
    private final Clock clock;
    private static final byte[] MIME_VERSION = "MIME-Version: 1.0\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, Signed> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Signed> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final Map<String, String> texts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final Map<String, String> subjects = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public NoticeEmailComposer(Supplier<Directory> directory, NoticeMarking marking, MessageProtector protector, Session session,
                               InternetAddress from, Clock clock) {
        this(directory, marking, ProtectorSelector.of(protector), session, from, clock);
    }

    public NoticeEmailComposer(Supplier<Directory> directory, NoticeMarking marking, ProtectorSelector protectors, Session session,
                               InternetAddress from, Clock clock) {
        this.directory = directory;
        this.marking = marking;
        this.protectors = protectors;
        this.session = session;
        this.from = from;
        this.messageIdDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        this.fromField = InternetAddress.toString(new Address[] {from}, 6);
        this.clock = clock;
    }

    /**
     * @throws ProtectionRefusedException naming the POC and fingerprint when the POC's certificate is no
     *                                    longer usable or of a kind the gateway cannot serve: no e-mail, never plaintext
     */
    public MimeMessage compose(StoredNotice notice, Delivery delivery) throws ProtectionException, MessagingException {
        return compose(notice, delivery, DeliveryNote.NONE);
    }

    /** As {@link #compose(StoredNotice, Delivery)}, with the delivery's note (reminder label, confirmation code). */
    public MimeMessage compose(StoredNotice notice, Delivery delivery, DeliveryNote note) throws ProtectionException, MessagingException {
        return render(notice, delivery, note).message(session);
    }

    /**
     * As {@link #compose(StoredNotice, Delivery, DeliveryNote)}, written straight to the bytes that go on
     * the wire: a fan-out sends these and never needs a message object per recipient.
     */
    public ComposedMail render(StoredNotice notice, Delivery delivery, DeliveryNote note) throws ProtectionException, MessagingException {
        PointOfContact poc = directory.get().pointOfContact(delivery.pocId())
                .orElseThrow(() -> new ProtectionException("point of contact " + delivery.pocId() + " is no longer in the directory"));
        if (poc.certificate().isEmpty()) {
            throw new ProtectionException("no encryption certificate for " + poc.id() + "; e-mail is never sent in plaintext");
        }
        InternetAddress to = new InternetAddress(delivery.address(), true);
        String messageId = "<" + notice.reference() + "." + delivery.id() + "@" + messageIdDomain + ">";
        Signed signed;
        ProtectedBody encrypted;
        try {
            MessageProtector protector = protectors.forCertificate(poc.certificate().get());
            signed = signedFor(notice, delivery, protector, note, to, messageId);
            encrypted = protector.protectFor(signed.content(), poc.certificate().get());
        } catch (ProtectionRefusedException refused) {
            throw refused.forPointOfContact(poc.id());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024); // a PGP/MIME notice without regrowing
        try {
            out.write(signed.outerHeaders());
            out.write(MIME_VERSION);
            encrypted.writeEntity(out);
        } catch (IOException e) {
            throw new MessagingException("could not write the message", e);
        }
        return new ComposedMail(from, to, messageId, out.toByteArray());
    }

    /** Content signed for one delivery, and the outer header section its HP-Outer fields describe. */
    private record Signed(PreparedContent content, byte[] outerHeaders, Instant at) {
    }

    /**
     * The header fields of the message, the true ones for inside the encryption and the outer ones
     * (RFC 9788): the outer Subject names only level, reference and kind; the title is inside.
     */
    private ProtectedHeaders headers(StoredNotice notice, DeliveryNote note, InternetAddress to, String messageId, Instant at)
            throws MessagingException {
        ProtectedHeaders.Builder h = ProtectedHeaders.builder()
                .same("Date", dates.format(at))
                .same("From", fromField)
                .same("To", InternetAddress.toString(new Address[] {to}, 4))
                .same("Message-ID", messageId)
                .obscured("Subject", encodedSubject(marking.subject(notice, note)), encodedSubject(marking.outerSubject(notice, note)))
                .same(NoticeMarking.HEADER_LEVEL, notice.level().label())
                .same(NoticeMarking.HEADER_REFERENCE, notice.reference());
        if (notice.exercise()) {
            h.same(NoticeMarking.HEADER_EXERCISE, "yes");
        }
        return h.build();
    }

    /** The mail session messages are made in, for transports that need one to send them. */
    public Session session() {
        return session;
    }

    /**
     * The Subject header as setSubject(subject, "UTF-8") writes it, encoded once per distinct subject:
     * most recipients of a notice share one, and encoding it cost a tenth of composing a message.
     */
    private String encodedSubject(String subject) throws MessagingException {
        synchronized (subjects) {
            String cached = subjects.get(subject);
            if (cached != null) {
                return cached;
            }
        }
        String encoded;
        try {
            encoded = MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode the subject", e);
        }
        synchronized (subjects) {
            subjects.put(subject, encoded);
        }
        return encoded;
    }

    private Signed signedFor(StoredNotice notice, Delivery delivery, MessageProtector protector, DeliveryNote note,
                             InternetAddress to, String messageId) throws ProtectionException, MessagingException {
        // Per kind too: an S/MIME signature is no use to a PGP/MIME recipient of the same hop. Per point of
        // contact and delivery: the confirmation code, the To and the Message-ID make each recipient's signed
        // entity its own; the cache spares a retry soon after the first attempt a new signature.
        String key = notice.reference() + "#" + delivery.hopId() + "#" + protector.kind() + "#" + delivery.pocId()
                + "#" + delivery.id();
        Instant now = clock.instant();
        synchronized (prepared) {
            Signed cached = prepared.get(key);
            if (cached != null && Duration.between(cached.at(), now).compareTo(SIGNATURE_REUSE) < 0
                    && !now.isBefore(cached.at())) {
                return cached;
            }
        }
        // Signed outside the lock: with a confirmation code each recipient's text is signed on its own,
        // and the threads composing in parallel must not queue behind one another's signatures.
        ProtectedHeaders headers = headers(notice, note, to, messageId, now);
        PreparedContent content = protector.prepareText(innerText(notice, delivery, note), headers, HandlingMark.of(notice), now);
        Signed fresh = new Signed(content, headers.outerBytes(), now);
        synchronized (prepared) {
            prepared.put(key, fresh);
        }
        return fresh;
    }

    private String innerText(StoredNotice notice, Delivery delivery, DeliveryNote note) {
        return marking.withNote(notice, plainText(notice, delivery), note);
    }

    // Every recipient of a hop reads the same text before its note: made once per hop, not per recipient.
    private String plainText(StoredNotice notice, Delivery delivery) {
        String key = notice.reference() + "#" + delivery.hopId();
        synchronized (texts) {
            String cached = texts.get(key);
            if (cached != null) {
                return cached;
            }
        }
        String originator = directory.get().organisation(notice.originatorOrg()).map(Organisation::displayName).orElse(notice.originatorOrg());
        String via = Objects.equals(delivery.hopSenderOrg(), notice.originatorOrg()) ? null
                : directory.get().organisation(delivery.hopSenderOrg()).map(Organisation::displayName).orElse(delivery.hopSenderOrg())
                        + " (" + delivery.hopSenderPoc() + ")";
        List<String> sectors = notice.targetSectors().stream()
                .map(id -> directory.get().sectors().get(id))
                .filter(Objects::nonNull)
                .map(s -> s.nameJa() + " " + s.name())
                .toList();
        String text = marking.body(notice, originator, via, sectors);
        synchronized (texts) {
            texts.put(key, text);
        }
        return text;
    }
}
