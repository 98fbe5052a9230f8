package io.liaison.gateway.inbound;

import io.liaison.gateway.events.GatewayEvent;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.compose.HandlingMarkCheck;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.inbound.format.FormatException;
import io.liaison.gateway.inbound.format.InboundDocument;
import io.liaison.gateway.inbound.format.InboundDocumentParser;
import io.liaison.gateway.inbound.incident.IncidentRelay;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.track.Acknowledgements;
import io.liaison.gateway.track.ConfirmationChannel;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.liaison.gateway.metrics.GatewayMetrics;
import io.liaison.gateway.metrics.InboundResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;

/**
 * The intake of mail addressed to the gateway: store raw → check → decrypt → verify → act, or
 * quarantine. A message is trusted only because its signature verifies against a certificate in the
 * directory, and only for the organisation that certificate belongs to; the From header and the
 * server it came through decide nothing. Bad input never throws: it ends quarantined with a reason.
 * Only a storage failure throws, leaving the message RECEIVED so the caller (the IMAP route) keeps
 * the mail and offers it again.
 */
public final class InboundIntake {
    private static final Logger LOG = LoggerFactory.getLogger(InboundIntake.class);
    /** 任意提供情報 is not for the public: without a level of its own, a report is held to its recipients' organisations. */
    static final Tlp DEFAULT_REPORT_LEVEL = Tlp.AMBER_STRICT;
    private static final Set<String> MACHINE_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml", "application/json");
    private static final Pattern SUBJECT_LABEL = Pattern.compile("TLP:(AMBER\\+STRICT|CLEAR|WHITE|GREEN|AMBER|RED)");
    private static final String MARKING_HEADER = "X-TLP";

    private final Supplier<Directory> directory;
    private final InboundStore store;
    private final NoticeStore notices;
    private final List<InboundOpener> openers;
    private final InboundSettings settings;
    private final Clock clock;
    private final QuarantineNotifier notifier;
    private final IncidentRelay relay;
    private final InboundDocumentParser parser;
    /** Senders by address and certificate, rebuilt when a reload puts another directory in force. */
    private volatile SenderIndex senders;
    private final Optional<Acknowledgements> confirmations;
    private final List<String> ownAddresses;
    /** Set once by the wiring before messages arrive; see {@link #recordingTo}. */
    private volatile GatewayMetrics metrics = GatewayMetrics.none();
    private final GatewayEvents events;

    public InboundIntake(Supplier<Directory> directory, InboundStore store, NoticeStore notices, List<InboundOpener> openers,
                         InboundSettings settings, Clock clock, ZoneId zone, String referencePrefix) {
        this(directory, store, notices, openers, settings, clock, zone, referencePrefix, Optional.empty());
    }

    /** With {@code confirmations}, an accepted acknowledgement also counts as the signer's confirmation (stops escalation). */
    public InboundIntake(Supplier<Directory> directory, InboundStore store, NoticeStore notices, List<InboundOpener> openers,
                         InboundSettings settings, Clock clock, ZoneId zone, String referencePrefix,
                         Optional<Acknowledgements> confirmations) {
        this(directory, store, notices, openers, settings, clock, zone, referencePrefix, confirmations,
                QuarantineNoticeSettings.defaults(List.of()));
    }

    /** With the limits on quarantine notices and the gateway's own addresses (never answered). */
    public InboundIntake(Supplier<Directory> directory, InboundStore store, NoticeStore notices, List<InboundOpener> openers,
                         InboundSettings settings, Clock clock, ZoneId zone, String referencePrefix,
                         Optional<Acknowledgements> confirmations, QuarantineNoticeSettings noticeSettings) {
        this(directory, store, notices, openers, settings, clock, zone, referencePrefix, confirmations, noticeSettings,
                GatewayEvents.none());
    }

    /** As above, announcing each message accepted or quarantined to {@code events} (the duty board's live view). */
    public InboundIntake(Supplier<Directory> directory, InboundStore store, NoticeStore notices, List<InboundOpener> openers,
                         InboundSettings settings, Clock clock, ZoneId zone, String referencePrefix,
                         Optional<Acknowledgements> confirmations, QuarantineNoticeSettings noticeSettings,
                         GatewayEvents events) {
        this.events = events;
        this.confirmations = confirmations;
        this.directory = directory;
        this.store = store;
        this.notices = notices;
        this.openers = List.copyOf(openers);
        this.settings = settings;
        this.parser = new InboundDocumentParser(settings.limits().document(settings.maxPartBytes()));
        this.clock = clock;
        InboundDeliveryPlanner planner = new InboundDeliveryPlanner(directory, clock);
        this.notifier = new QuarantineNotifier(directory, notices, store, planner, zone, referencePrefix, noticeSettings);
        this.ownAddresses = noticeSettings.ownAddresses();
        this.relay = new IncidentRelay(directory, notices, planner, zone, referencePrefix);
        this.senders = SenderIndex.of(directory.get());
    }

    /**
     * Counts each message's outcome in {@code metrics} from now on. A setter so the constructors (and the
     * tests that use them) stay as they are; call it before the intake receives.
     */
    public InboundIntake recordingTo(GatewayMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    private SenderIndex senders() {
        Directory current = directory.get();
        SenderIndex index = senders;
        if (index.directory() != current) {
            index = SenderIndex.of(current);
            senders = index;
        }
        return index;
    }

    /** The directory's points of contact by e-mail address (lower case) and by certificate fingerprint. */
    private record SenderIndex(Directory directory, Map<String, PointOfContact> byEmail,
                               Map<String, PointOfContact> byFingerprint) {
        static SenderIndex of(Directory directory) {
            Map<String, PointOfContact> byEmail = new LinkedHashMap<>();
            Map<String, PointOfContact> byFingerprint = new LinkedHashMap<>();
            for (PointOfContact poc : directory.pointsOfContact().values()) {
                for (ContactChannel c : poc.channels()) {
                    if (c.kind() == ChannelKind.EMAIL) {
                        byEmail.putIfAbsent(c.address().toLowerCase(Locale.ROOT), poc);
                    }
                }
                poc.certificate().ifPresent(cert -> byFingerprint.putIfAbsent(cert.fingerprint(), poc));
            }
            return new SenderIndex(directory, byEmail, byFingerprint);
        }
    }

    /** Every certificate registered in the directory: what the openers verify signatures against. */
    public static List<RecipientCertificate> registeredCertificates(Directory directory) {
        return directory.pointsOfContact().values().stream().flatMap(p -> p.certificate().stream()).toList();
    }

    /**
     * For the IMAP route: the mail as fetched, byte for byte, but never more than
     * {@code gateway.inbound.max-message-bytes} of it. The size the server declares (RFC822.SIZE) is asked
     * first; a larger message is read only up to the limit, stored cut and quarantined. A server that
     * understates the size is caught by the same limit while reading.
     */
    public InboundOutcome receiveMail(Message mail) throws MessagingException, IOException {
        int max = settings.maxMessageBytes();
        long declared = declaredSize(mail);
        LimitedBytes bytes = new LimitedBytes(max);
        try {
            mail.writeTo(bytes);
        } catch (LimitedBytes.LimitReached e) {
            // enough read: the rest stays on the server
        }
        boolean tooLarge = declared > max || bytes.overflowed();
        long size = Math.max(declared, bytes.overflowed() ? max + 1L : bytes.size());
        return receive(bytes.head(), tooLarge, size, "imap");
    }

    /**
     * The size the server declares, fetched alone (RFC822.SIZE): asking the message for it would load the
     * IMAP envelope, which fails on a From header the parser cannot read. -1 when the server does not say;
     * the limit on reading still holds then.
     */
    private static long declaredSize(Message mail) {
        try {
            if (mail.getFolder() != null) {
                jakarta.mail.FetchProfile sizeOnly = new jakarta.mail.FetchProfile();
                sizeOnly.add(jakarta.mail.FetchProfile.Item.SIZE);
                mail.getFolder().fetch(new Message[] {mail}, sizeOnly);
            }
            return mail.getSize();
        } catch (MessagingException | RuntimeException e) {
            return -1;
        }
    }

    /** For callers holding the raw message (the CLI, tests). */
    public InboundOutcome receiveRaw(byte[] raw) {
        return receive(raw, "api");
    }

    public InboundOutcome receive(byte[] raw, String source) {
        boolean tooLarge = raw.length > settings.maxMessageBytes();
        byte[] kept = tooLarge ? Arrays.copyOf(raw, settings.maxMessageBytes()) : raw;
        return receive(kept, tooLarge, raw.length, source);
    }

    /** @param kept the message, or its first max-message-bytes when {@code tooLarge}; {@code size} its real size */
    private InboundOutcome receive(byte[] kept, boolean tooLarge, long size, String source) {
        InboundOutcome outcome = judgeStored(kept, tooLarge, size, source);
        metrics.inbound(outcome.duplicate() ? InboundResult.DUPLICATE
                : outcome.isQuarantined() ? InboundResult.QUARANTINED : InboundResult.ACCEPTED);
        return outcome;
    }

    private InboundOutcome judgeStored(byte[] kept, boolean tooLarge, long size, String source) {
        InboundStore.Recorded recorded = store.record(kept, tooLarge, size, source, clock.instant());
        StoredInbound stored = recorded.message();
        if (!recorded.firstTime() && stored.status() != InboundStatus.RECEIVED) {
            LOG.info("inbound #{} seen again ({} times): already {}", stored.id(), stored.timesSeen(), stored.status());
            return InboundOutcome.duplicate(stored);
        }
        Judging j = new Judging(stored.id(), clock.instant());
        try {
            return judge(j, kept, tooLarge);
        } catch (InboundRejection r) {
            if (j.claimedPoc.isEmpty()) {
                claimFrom(j, kept);
            }
            return quarantine(j, r.reason(), r.detail());
        } catch (RuntimeException | Error e) {
            // A storage failure repeats in the quarantine write below and propagates: the message stays RECEIVED.
            // An Error (out of memory, stack overflow) is the message's doing as much as an exception is: once
            // its judging has unwound, it is quarantined like any other, and the mail is moved out of the inbox.
            LOG.error("inbound #{}: unexpected failure, quarantined for the duty officer", j.id, e);
            return quarantine(j, ReasonCode.INTERNAL_ERROR, e.getClass().getSimpleName() + ": " + MimeInspector.clip(e.getMessage()));
        }
    }

    /** What is known about the message so far, for the verdict and the notice. */
    private static final class Judging {
        final long id;
        final Instant now;
        Optional<PointOfContact> claimedPoc = Optional.empty();
        Optional<String> messageId = Optional.empty();
        Optional<VerifiedSender> signer = Optional.empty();
        Optional<String> innerSha256 = Optional.empty();
        /** Why the message must not be answered at all (automatic mail, the gateway's own address). */
        Optional<String> notAnswerable = Optional.empty();

        Judging(long id, Instant now) {
            this.id = id;
            this.now = now;
        }
    }

    private InboundOutcome judge(Judging j, byte[] raw, boolean tooLarge) throws InboundRejection {
        if (tooLarge) {
            throw new InboundRejection(ReasonCode.OVERSIZED_MESSAGE, "larger than gateway.inbound.max-message-bytes ("
                    + settings.maxMessageBytes() + "); the stored copy is cut to that size");
        }
        MimeInspector.checkRawHeaders(raw);
        MimeInspector.checkRawStructure(raw, settings.limits(), "the message");
        MimeMessage outer = MimeInspector.parse(raw);
        Optional<String> subject = describe(j, outer);
        InternetAddress from = MimeInspector.from(outer);
        j.claimedPoc = Optional.ofNullable(senders().byEmail().get(from.getAddress().toLowerCase(Locale.ROOT)));
        String messageId = MimeInspector.messageId(outer);
        j.messageId = Optional.of(messageId);
        Instant date = sentDate(outer);
        checkWindow("Date header", date, j.now);

        MimeInspector.leaves(outer, 0, settings.limits());
        ContentType type = MimeInspector.contentType(outer);
        InboundOpener opener = openers.stream().filter(o -> o.recognises(type)).findFirst()
                .orElseThrow(() -> unopenable(type, outer));
        OpenedInbound opened = opener.open(outer, j.now);
        byte[] entity = opened.innerEntity();
        j.innerSha256 = Optional.of(sha256(entity));

        MimeInspector.checkRawStructure(entity, settings.limits(), "the decrypted content");
        MimeBodyPart inner = MimeInspector.innerEntity(entity);
        List<Part> leaves = MimeInspector.leaves(inner, settings.maxPartBytes(), settings.limits());
        Optional<String> nested = MimeInspector.nestedEncryption(leaves, inner);
        if (nested.isPresent()) {
            throw new InboundRejection(ReasonCode.ENCRYPTION_NESTED, "the decrypted content is itself encrypted (" + nested.get() + ")");
        }

        SignatureCheck signature = verdict(opened.signatures());
        PointOfContact signerPoc = senders().byFingerprint().get(signature.certificate().orElseThrow());
        if (signerPoc == null) {
            throw new InboundRejection(ReasonCode.UNKNOWN_SIGNER, "certificate " + signature.certificate().get()
                    + " is not a point of contact's in the directory");
        }
        VerifiedSender signer = new VerifiedSender(signature.certificate().get(), signerPoc.id(), signerPoc.organisationId());
        j.signer = Optional.of(signer);
        if (j.claimedPoc.isEmpty() || !j.claimedPoc.get().organisationId().equals(signer.organisationId())) {
            throw new InboundRejection(ReasonCode.FROM_SIGNER_MISMATCH, "From " + MimeInspector.clip(from.getAddress())
                    + (j.claimedPoc.isEmpty() ? " is not a registered address"
                            : " is registered to " + j.claimedPoc.get().organisationId())
                    + ", but the signature is by " + signer.pocId() + " of " + signer.organisationId());
        }
        checkWindow("signature time", signature.createdAt().orElseThrow(
                () -> new InboundRejection(ReasonCode.SIGNATURE_INVALID, "the signature carries no creation time")), j.now);
        // Replay keys count only once a registered signer's good signature, the From of its organisation and the
        // time window are established: unsigned or spoofed mail predicting a genuine reply's Message-ID or
        // content cannot make that reply a replay. They are recorded below, once the message is to be acted on.
        Optional<InboundStore.ReplayKey> replay = store.replaySeen(signer.fingerprint(), messageId, j.innerSha256.get(), j.id);
        if (replay.isPresent()) {
            throw new InboundRejection(ReasonCode.REPLAY_MESSAGE_ID, replay.get() == InboundStore.ReplayKey.MESSAGE_ID
                    ? "Message-ID " + QuarantineNotifier.safe(messageId) + " was received before from " + signer.pocId()
                    : "the same signed content was received before from " + signer.pocId());
        }

        Optional<Part> machine = machinePart(leaves);
        InboundDocument document;
        String text;
        Optional<String> quotedCode = Optional.empty();
        if (machine.isPresent()) {
            text = text(machine.get());
            try {
                document = parser.parse(text, MimeInspector.contentType(machine.get()).match("application/json"));
            } catch (FormatException e) {
                throw new InboundRejection(e.limitExceeded() ? ReasonCode.FORMAT_LIMIT : ReasonCode.FORMAT_INVALID,
                        MimeInspector.clip(e.getMessage()));
            }
        } else {
            // Written by a person: a signed reply that quotes the notice's reference and the signer's own code confirms it.
            text = humanText(leaves);
            Acknowledgements.QuotedCode quoted = confirmations.flatMap(c -> c.codeQuotedIn(text, signer.pocId()))
                    .orElseThrow(() -> new InboundRejection(ReasonCode.TEXT_REPLY_WITHOUT_CODE, "a signed reply without a"
                            + " machine-readable part quotes no confirmation code issued to " + signer.pocId()
                            + " together with its notice's reference"));
            document = new InboundDocument.Acknowledgement(quoted.reference(), Optional.of("signed text reply"), Optional.empty());
            quotedCode = Optional.of(quoted.code());
        }
        Tlp level = level(document, outer, subject, inner, signature);
        store.recordReplayKeys(j.id, signer.fingerprint(), messageId, j.innerSha256.get(), j.now);
        return act(j, signer, document, text, level, quotedCode);
    }

    /**
     * The text of a reply's text/plain and text/html parts, tags dropped, for finding a reference and a
     * code; never stored or shown (the raw message is kept).
     */
    private static String humanText(List<Part> leaves) throws InboundRejection {
        StringBuilder b = new StringBuilder();
        for (Part leaf : leaves) {
            String part = text(leaf);
            if (MimeInspector.contentType(leaf).match("text/html")) {
                part = part.replaceAll("(?s)<[^>]{0,4096}>", " ").replace("&nbsp;", " ").replace("&#45;", "-").replace("&#x2d;", "-");
            }
            b.append(part).append('\n');
        }
        return b.toString();
    }

    private Optional<String> describe(Judging j, MimeMessage outer) throws InboundRejection {
        Optional<String> from = MimeInspector.header(outer, "From").map(MimeInspector::clip);
        Optional<String> id = MimeInspector.header(outer, "Message-ID").map(String::trim);
        Optional<Instant> date = Optional.empty();
        try {
            date = Optional.ofNullable(outer.getSentDate()).map(java.util.Date::toInstant);
        } catch (MessagingException e) {
            // stays empty: the check below reports it
        }
        Optional<String> rawSubject = MimeInspector.header(outer, "Subject").map(MimeInspector::clip);
        store.describe(j.id, id, from, rawSubject, date);
        j.notAnswerable = MailLoopGuard.whyNotAnswer(outer, ownAddresses);
        return MimeInspector.subject(outer);
    }

    /** Best effort, for the notice only: whose registered contact a message that failed early claims to be from. */
    private void claimFrom(Judging j, byte[] prefix) {
        try {
            MimeMessage outer = MimeInspector.parse(prefix);
            String[] froms = outer.getHeader("From");
            if (froms == null || froms.length != 1) {
                return;
            }
            InternetAddress from = MimeInspector.from(outer);
            j.claimedPoc = Optional.ofNullable(senders().byEmail().get(from.getAddress().toLowerCase(Locale.ROOT)));
            j.messageId = MimeInspector.header(outer, "Message-ID").map(String::trim);
            describe(j, outer);
        } catch (InboundRejection | MessagingException | RuntimeException | StackOverflowError e) {
            // Nothing more can be said about a message this broken; it is quarantined all the same.
        }
    }

    private static Instant sentDate(MimeMessage outer) throws InboundRejection {
        try {
            java.util.Date date = outer.getSentDate();
            if (date == null) {
                throw new InboundRejection(ReasonCode.HEADER_MISSING, "no readable Date header");
            }
            return date.toInstant();
        } catch (MessagingException e) {
            throw new InboundRejection(ReasonCode.HEADER_MISSING, "no readable Date header");
        }
    }

    private void checkWindow(String what, Instant at, Instant now) throws InboundRejection {
        if (at.isBefore(now.minus(settings.maxAge())) || at.isAfter(now.plus(settings.maxFutureSkew()))) {
            throw new InboundRejection(ReasonCode.REPLAY_DATE_OUTSIDE_WINDOW, what + " " + at + " is outside the accepted window ("
                    + settings.maxAge() + " before to " + settings.maxFutureSkew() + " after " + now + ")");
        }
    }

    private InboundRejection unopenable(ContentType type, MimeMessage outer) {
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.equals("multipart/encrypted") || base.equals("application/pkcs7-mime") || base.equals("application/x-pkcs7-mime")) {
            return new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, base + (type.getParameter("protocol") == null ? ""
                    : "; protocol=" + MimeInspector.clip(type.getParameter("protocol"))) + " is not a format this gateway opens ("
                    + String.join(", ", openers.stream().map(InboundOpener::format).toList()) + ")");
        }
        try {
            if (base.startsWith("text/")) {
                try (InputStream in = outer.getInputStream()) {
                    String head = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
                    if (head.contains("-----BEGIN PGP MESSAGE-----")) {
                        return new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE,
                                "inline OpenPGP in " + base + " is not accepted; send PGP/MIME (multipart/encrypted)");
                    }
                }
            }
        } catch (MessagingException | IOException e) {
            return new InboundRejection(ReasonCode.MIME_TRUNCATED, "the body cannot be read");
        }
        return new InboundRejection(ReasonCode.NOT_ENCRYPTED, "a " + base + " message; only encrypted mail is accepted");
    }

    /** Exactly one valid signature by a registered key; otherwise the most telling reason it fails. */
    private static SignatureCheck verdict(List<SignatureCheck> signatures) throws InboundRejection {
        if (signatures.isEmpty()) {
            throw new InboundRejection(ReasonCode.UNSIGNED, "the decrypted content carries no signature");
        }
        List<SignatureCheck> valid = signatures.stream().filter(s -> s.status() == SignatureCheck.Status.VALID).toList();
        Set<String> certificates = new LinkedHashSet<>();
        valid.forEach(s -> certificates.add(s.certificate().orElseThrow()));
        if (valid.size() == signatures.size() && certificates.size() == 1) {
            return valid.get(0);
        }
        if (certificates.size() > 1) {
            throw new InboundRejection(ReasonCode.SIGNATURE_INVALID, "signed by several registered certificates "
                    + certificates + "; one sender per message");
        }
        SignatureCheck worst = signatures.stream().filter(s -> s.status() != SignatureCheck.Status.VALID)
                .min(Comparator.comparingInt(s -> List.of(SignatureCheck.Status.KEY_REVOKED, SignatureCheck.Status.KEY_EXPIRED,
                        SignatureCheck.Status.INVALID, SignatureCheck.Status.UNKNOWN_KEY).indexOf(s.status()))).orElseThrow();
        String key = worst.certificate().map(c -> "certificate " + c).orElse("key " + worst.issuer());
        throw switch (worst.status()) {
            case KEY_REVOKED -> new InboundRejection(ReasonCode.SIGNER_KEY_REVOKED, "signed by " + key + ", which is revoked");
            case KEY_EXPIRED -> new InboundRejection(ReasonCode.SIGNER_KEY_EXPIRED, "signed by " + key + ", which had expired");
            case INVALID -> new InboundRejection(ReasonCode.SIGNATURE_INVALID, "the signature by " + key
                    + " does not verify over this content");
            default -> new InboundRejection(ReasonCode.UNKNOWN_SIGNER, "signed by " + key + ", which no registered certificate holds");
        };
    }

    /**
     * The one machine-readable part, or none when the content is a reply written by a person: text/plain
     * parts, and text/html parts only then. Any other part type is refused.
     */
    private static Optional<Part> machinePart(List<Part> leaves) throws InboundRejection {
        List<Part> machine = new ArrayList<>();
        boolean html = false;
        for (Part leaf : leaves) {
            String base = MimeInspector.contentType(leaf).getBaseType().toLowerCase(Locale.ROOT);
            if (MACHINE_TYPES.contains(base)) {
                machine.add(leaf);
            } else if (base.equals("text/html")) {
                html = true;
            } else if (!base.equals("text/plain")) {
                throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "a " + base
                        + " part; only text/plain, text/html, or text/plain and one application/yaml or application/json part"
                        + " are accepted");
            }
        }
        if (machine.size() > 1) {
            throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, machine.size() + " machine-readable parts; exactly one is accepted");
        }
        if (machine.size() == 1 && html) {
            throw new InboundRejection(ReasonCode.WRONG_CONTENT_TYPE, "a text/html part beside the machine-readable part;"
                    + " only text/plain may accompany it");
        }
        return machine.stream().findFirst();
    }

    private static String text(Part part) throws InboundRejection {
        try (InputStream in = part.getInputStream()) {
            String charset = Optional.ofNullable(MimeInspector.contentType(part).getParameter("charset")).orElse("UTF-8");
            Charset cs;
            try {
                cs = Charset.forName(charset);
            } catch (RuntimeException e) {
                throw new InboundRejection(ReasonCode.FORMAT_INVALID, "unknown charset " + MimeInspector.clip(charset));
            }
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new InboundRejection(ReasonCode.FORMAT_INVALID, "the machine-readable part is not valid text in its charset");
        } catch (MessagingException | IOException e) {
            throw new InboundRejection(ReasonCode.MIME_TRUNCATED, "the machine-readable part cannot be decoded");
        }
    }

    /**
     * The handling level, checked for tampering. Levels inside the signature (the document's tlp, the
     * signed entity's X-TLP, a tlp notation, the marking bound in the signature) must agree, and every
     * label outside (X-TLP, Subject) must equal them. With none inside, an outside label may only make
     * handling stricter, never looser.
     *
     * <p>A marking bound in the signature itself (OpenPGP notations or an ESS security label, as the
     * gateway's own messages carry it) is held to the full rule of {@link HandlingMarkCheck}: the outer
     * level, reference and exercise flag must all be shown and equal. Replies from ordinary clients bind
     * none, and for them the checks above are all there is.
     */
    private static Tlp level(InboundDocument document, MimeMessage outer, Optional<String> subject, MimeBodyPart inner,
                             SignatureCheck signature) throws InboundRejection {
        Set<Tlp> signed = new LinkedHashSet<>();
        document.level().ifPresent(signed::add);
        Optional<String> innerHeader = MimeInspector.header(inner, MARKING_HEADER);
        if (innerHeader.isPresent()) {
            signed.add(Tlp.parse(innerHeader.get()).orElseThrow(() -> new InboundRejection(ReasonCode.MARKING_CHANGED,
                    "the signed " + MARKING_HEADER + " header is not a TLP 2.0 label")));
        }
        for (Map.Entry<String, String> n : signature.notations().entrySet()) {
            String name = n.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("tlp") || name.startsWith("tlp@") || name.startsWith("handling-level@")) {
                signed.add(Tlp.parse(n.getValue()).orElseThrow(() -> new InboundRejection(ReasonCode.MARKING_CHANGED,
                        "the signature's " + n.getKey() + " notation is not a TLP 2.0 label")));
            }
        }
        Optional<HandlingMark> mark = signature.signedMark();
        mark.ifPresent(m -> signed.add(m.level()));
        Set<Tlp> outside = new LinkedHashSet<>();
        Optional<String> outerHeader = MimeInspector.header(outer, MARKING_HEADER);
        if (outerHeader.isPresent()) {
            outside.add(Tlp.parse(outerHeader.get()).orElseThrow(() -> new InboundRejection(ReasonCode.MARKING_CHANGED,
                    "the outer " + MARKING_HEADER + " header is not a TLP 2.0 label")));
        }
        if (subject.isPresent()) {
            // A reader takes "tlp:green" or a fullwidth ＴＬＰ：ＧＲＥＥＮ for a label too, as HandlingMarkCheck does.
            Matcher m = SUBJECT_LABEL.matcher(Normalizer.normalize(subject.get(), Normalizer.Form.NFKC).toUpperCase(Locale.ROOT));
            while (m.find()) {
                outside.add(m.group(1).equals("WHITE") ? Tlp.CLEAR : Tlp.parse("TLP:" + m.group(1)).orElseThrow());
            }
        }
        if (signed.size() > 1) {
            throw new InboundRejection(ReasonCode.MARKING_CHANGED, "the signed content declares different levels " + labels(signed));
        }
        if (mark.isPresent()) {
            HandlingMarkCheck.Verdict verdict = HandlingMarkCheck.check(mark.get(), outer);
            if (!verdict.matches()) {
                throw new InboundRejection(ReasonCode.MARKING_CHANGED, "the marking bound in the signature does not match: "
                        + verdict.detail());
            }
            if (document instanceof InboundDocument.IncidentReport report && report.exercise() != mark.get().exercise()) {
                throw new InboundRejection(ReasonCode.MARKING_CHANGED, mark.get().exercise()
                        ? "the signature marks an exercise but the report is not one"
                        : "the report is an exercise but the signature does not mark one");
            }
        }
        if (signed.size() == 1) {
            Tlp level = signed.iterator().next();
            for (Tlp o : outside) {
                if (o != level) {
                    throw new InboundRejection(ReasonCode.MARKING_CHANGED, "marked " + o.label() + " outside but "
                            + level.label() + " in the signed content");
                }
            }
            return level;
        }
        Tlp level = DEFAULT_REPORT_LEVEL;
        for (Tlp o : outside) {
            level = o.compareTo(level) > 0 ? o : level;
        }
        return level;
    }

    private static String labels(Set<Tlp> levels) {
        return String.join(", ", levels.stream().map(Tlp::label).toList());
    }

    /** @param quotedCode the signer's own confirmation code, when a text reply quoted it */
    private InboundOutcome act(Judging j, VerifiedSender signer, InboundDocument document, String text, Tlp level,
                               Optional<String> quotedCode) throws InboundRejection {
        if (document instanceof InboundDocument.Acknowledgement ack) {
            Optional<StoredNotice> notice = notices.notice(ack.reference());
            if (notice.isEmpty()) {
                throw new InboundRejection(ReasonCode.ACK_UNKNOWN_REFERENCE, "no notice " + ack.reference());
            }
            if (!notices.reachedOrganisations(ack.reference()).contains(signer.organisationId())) {
                throw new InboundRejection(ReasonCode.ACK_NOT_A_RECIPIENT, ack.reference() + " was not sent to " + signer.organisationId());
            }
            store.acceptAcknowledgement(j.id, signer, j.innerSha256.orElseThrow(), ack.reference(), ack.note(), j.now);
            confirmations.ifPresent(c -> LOG.info("inbound #{}: confirmation of {} by {}: {}", j.id, ack.reference(), signer.pocId(),
                    c.acknowledge(quotedCode.orElse(ack.reference()), signer.pocId(), ConfirmationChannel.SIGNED_EMAIL, j.now, ack.note())
                            .verdict().description()));
            LOG.info("inbound #{}: acknowledgement of {} by {} ({})", j.id, ack.reference(), signer.pocId(), signer.organisationId());
            events.publish(new GatewayEvent(GatewayEvent.Kind.INBOUND_ACCEPTED, ack.reference(), signer.organisationId(), j.now));
            return InboundOutcome.accepted(j.id, ack.reference());
        }
        FiledReport filed = acceptIncidentReport(j.id, signer, j.innerSha256.orElseThrow(), (InboundDocument.IncidentReport) document,
                text, level, j.now);
        return InboundOutcome.accepted(j.id, filed.relayReference());
    }

    /** A report stored in its thread: the thread key, its number (第N報) and the relay's reference. */
    public record FiledReport(long inboundId, String incidentKey, int reportNumber, String relayReference) {
    }

    /**
     * An incident report filed through a door (the console or the API) by an authenticated point of
     * contact of the reporting organisation: the door's login stands where the signature stands for
     * e-mail. The document is read by the same parser with the same limits (a bad one is refused whole,
     * nothing stored), kept as the raw message of an inbound record of {@code source}, then numbered,
     * relayed and stored exactly as a verified e-mail report is.
     *
     * @param filer    the acting point of contact and organisation; its fingerprint names the door and person
     * @param document the machine-readable report (JSON, docs/inbound-format.md)
     */
    public FiledReport fileReport(VerifiedSender filer, String document, String source) throws FormatException {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > settings.maxPartBytes()) {
            throw FormatException.limit("the report is larger than gateway.inbound.max-part-bytes (" + settings.maxPartBytes() + " bytes)");
        }
        InboundDocument parsed = parser.parse(document, true);
        if (!(parsed instanceof InboundDocument.IncidentReport report)) {
            throw new FormatException(List.of("type: a door files only an incident-report, was " + parsed.typeName()));
        }
        Instant now = clock.instant();
        // the raw record says who filed it, so two organisations' identical documents stay two reports
        byte[] raw = ("Filed-By: " + filer.fingerprint() + " for " + filer.pocId() + " (" + filer.organisationId() + ")\n\n" + document)
                .getBytes(StandardCharsets.UTF_8);
        InboundStore.Recorded recorded = store.record(raw, false, raw.length, source, now);
        if (!recorded.firstTime()) {
            // the very same bytes were filed before (a double submit that escaped its idempotency key)
            throw new IllegalArgumentException("this exact report was filed already (inbound #" + recorded.message().id()
                    + "); nothing was stored again");
        }
        return acceptIncidentReport(recorded.message().id(), filer, sha256(bytes), report, document,
                report.level().orElse(DEFAULT_REPORT_LEVEL), now);
    }

    private FiledReport acceptIncidentReport(long id, VerifiedSender signer, String innerSha256, InboundDocument.IncidentReport report,
                                             String text, Tlp level, Instant now) {
        String key = signer.organisationId() + "/" + report.incidentId();
        int number = store.nextReportNumber(key);
        // Relayed first: if the process dies before the report is stored, the retry relays it again
        // (a duplicate the recipients can see) rather than storing a report nobody was told of.
        String reference = relay.relay(report, key, number, level, signer, now);
        store.acceptReport(id, signer, innerSha256, new NewIncidentReport(key, report.incidentId(), number,
                level, report.exercise(), report.triggerCategory().map(c -> c.code()), report.triggerCase().map(c -> c.code()),
                report.eventType().map(e -> e.code()), report.causes().stream().map(c -> c.code()).toList(),
                report.contact().person(), report.doNotShare(), text, Optional.of(reference)), now);
        LOG.info("inbound #{}: incident report {} 第{}報 from {} relayed as {}", id, key, number, signer.pocId(), reference);
        events.publish(new GatewayEvent(GatewayEvent.Kind.INBOUND_ACCEPTED, reference, signer.organisationId(), now));
        return new FiledReport(id, key, number, reference);
    }

    private InboundOutcome quarantine(Judging j, ReasonCode reason, String detail) {
        Optional<String> notice = Optional.empty();
        Optional<String> suppressed = Optional.empty();
        String text = detail;
        if (j.claimedPoc.isPresent()) {
            try {
                QuarantineNotifier.Told told = notifier.tell(j.claimedPoc.get(), j.id, j.messageId, reason, j.notAnswerable, j.now);
                notice = told.reference();
                suppressed = told.suppressed();
            } catch (RuntimeException e) {
                LOG.error("inbound #{}: could not queue the quarantine notice to {}", j.id, j.claimedPoc.get().id(), e);
                text = detail + " (the notice to " + j.claimedPoc.get().id() + " could not be queued)";
            }
        }
        store.quarantine(j.id, reason, text, j.claimedPoc.map(PointOfContact::id), j.signer, j.innerSha256, notice, j.now);
        if (suppressed.isPresent()) {
            store.noticeSuppressed(j.id, "no notice to " + j.claimedPoc.get().id() + ": " + suppressed.get());
        }
        String told;
        if (notice.isPresent()) {
            told = "; " + j.claimedPoc.get().id() + " told in " + notice.get();
        } else if (suppressed.isPresent()) {
            told = "; no notice to " + j.claimedPoc.get().id() + ": " + suppressed.get();
        } else {
            told = j.claimedPoc.isPresent() ? "" : "; no registered contact to tell";
        }
        LOG.warn("inbound #{} quarantined: {}: {}{}", j.id, reason, text, told);
        events.publish(new GatewayEvent(GatewayEvent.Kind.INBOUND_QUARANTINED, "",
                j.claimedPoc.map(PointOfContact::organisationId).orElse(""), j.now));
        return InboundOutcome.quarantined(j.id, reason, text, notice);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
