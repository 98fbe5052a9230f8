package io.liaison.gateway.track.ack;

import io.liaison.gateway.events.GatewayEvent;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.numbering.ReferenceNumber;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.track.Acknowledgements;
import io.liaison.gateway.track.Confirmation;
import io.liaison.gateway.track.ConfirmationChannel;
import io.liaison.gateway.track.ConfirmationOutcome;
import io.liaison.gateway.track.ConfirmationVerdict;
import io.liaison.gateway.track.ack.ConfirmationStore.Attempt;
import io.liaison.gateway.track.ack.ConfirmationStore.CodeHolder;
import io.liaison.gateway.track.ack.ConfirmationStore.IssuedCode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;

/**
 * Judges confirmations. A code counts only from the recipient it was issued to (the registered SMS
 * number, the verified signer, the CLI's {@code --as}); a reference counts from any point of contact of
 * an organisation the notice was sent to. Every attempt is stored with its verdict; only accepted ones
 * change anything, and only the organisation's first one stops its escalation.
 */
public final class ConfirmationDesk implements Acknowledgements {
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationDesk.class);
    private static final int KEPT_REPLY_CHARS = 160;

    private final Supplier<Directory> directory;
    private final NoticeStore notices;
    private final ConfirmationStore store;
    private final ConfirmationCodes codes;
    private final ZoneId zone;
    private final GatewayEvents events;
    /** Codes already issued, by notice then contact; codes never change once issued, so caching them is safe. */
    private final Map<String, Map<String, String>> issued = new ConcurrentHashMap<>();
    /** The notices cached, oldest first, and how many codes they hold together; guarded by {@link #awaiting}. */
    private final ArrayDeque<String> cachedNotices = new ArrayDeque<>();
    private int cachedCodes;
    private final int maxCached;
    static final int MAX_CACHED = 50_000;
    /** By notice, the contacts still without a code, in the order the dispatchers will ask for them. Guarded by itself. */
    private final Map<String, ArrayDeque<CodeHolder>> awaiting = new HashMap<>();
    private static final int MAX_AWAITING_NOTICES = 32;
    /**
     * Codes issued per commit. A fan-out's codes come in slices of this size, in delivery order, so the
     * first messages go out once the first slice is stored rather than once all 10,000 codes are.
     */
    static final int CODES_PER_ISSUE = 500;

    public ConfirmationDesk(Supplier<Directory> directory, NoticeStore notices, ConfirmationStore store, ConfirmationCodes codes,
                            ZoneId zone) {
        this(directory, notices, store, codes, zone, MAX_CACHED, GatewayEvents.none());
    }

    /** As above, announcing each confirmation recorded to {@code events}. */
    public ConfirmationDesk(Supplier<Directory> directory, NoticeStore notices, ConfirmationStore store, ConfirmationCodes codes,
                            ZoneId zone, GatewayEvents events) {
        this(directory, notices, store, codes, zone, MAX_CACHED, events);
    }

    /** @param maxCached how many codes the desk keeps in memory, those of the newest notices (one notice is kept whole) */
    ConfirmationDesk(Supplier<Directory> directory, NoticeStore notices, ConfirmationStore store, ConfirmationCodes codes,
                     ZoneId zone, int maxCached) {
        this(directory, notices, store, codes, zone, maxCached, GatewayEvents.none());
    }

    private ConfirmationDesk(Supplier<Directory> directory, NoticeStore notices, ConfirmationStore store, ConfirmationCodes codes,
                             ZoneId zone, int maxCached, GatewayEvents events) {
        this.events = events;
        this.maxCached = maxCached;
        this.directory = directory;
        this.notices = notices;
        this.store = store;
        this.codes = codes;
        this.zone = zone;
    }

    /** The code of (notice, point of contact), issued the first time a delivery to them is rendered. */
    public String codeFor(String reference, String organisationId, String pocId, Instant now) {
        String known = cached(reference, pocId);
        if (known != null) {
            return known;
        }
        synchronized (awaiting) {
            known = cached(reference, pocId);
            if (known != null) {
                return known;
            }
            if (!issued.containsKey(reference)) {
                // A notice this desk has not seen (the gateway restarted mid fan-out, or its codes left the
                // cache): the codes it already has, read in one query. Asked contact by contact, each miss
                // would search the notice's deliveries again: minutes for a resumed fan-out of thousands.
                cache(reference, store.issuedCodes(reference));
                known = cached(reference, pocId);
                if (known != null) {
                    return known;
                }
            }
            if (awaiting.size() > MAX_AWAITING_NOTICES && !awaiting.containsKey(reference)) {
                awaiting.clear(); // notices whose deliveries were never all rendered; their contacts are asked for one by one
            }
            ArrayDeque<CodeHolder> queue = awaiting.computeIfAbsent(reference, r -> new ArrayDeque<>(store.awaitingCodes(r)));
            // The one asked for (a standby contact, say, may not be in the queue) and the next ones due.
            List<CodeHolder> slice = new ArrayList<>(Math.min(CODES_PER_ISSUE, queue.size() + 1));
            slice.add(new CodeHolder(organisationId, pocId));
            while (slice.size() < CODES_PER_ISSUE && !queue.isEmpty()) {
                CodeHolder next = queue.poll();
                if (!next.pocId().equals(pocId)) {
                    slice.add(next);
                }
            }
            // An emptied queue stays: a contact outside it (a standby, say) is then issued its code alone,
            // without searching the notice's deliveries again.
            Map<String, String> fresh = store.issueCodes(reference, slice, codes::next, now);
            cache(reference, fresh);
            return fresh.get(pocId);
        }
    }

    private String cached(String reference, String pocId) {
        Map<String, String> ofNotice = issued.get(reference);
        return ofNotice == null ? null : ofNotice.get(pocId);
    }

    // Under the lock. Oldest notices go first: a fan-out under way keeps its codes, a finished one's are
    // read again from the store if a reminder needs them.
    private void cache(String reference, Map<String, String> fresh) {
        Map<String, String> ofNotice = issued.get(reference);
        if (ofNotice == null) {
            ofNotice = new ConcurrentHashMap<>();
            issued.put(reference, ofNotice);
            cachedNotices.addLast(reference);
        }
        int before = ofNotice.size();
        ofNotice.putAll(fresh);
        cachedCodes += ofNotice.size() - before;
        while (cachedCodes > maxCached && cachedNotices.size() > 1) {
            String oldest = cachedNotices.pollFirst();
            if (oldest.equals(reference)) {
                cachedNotices.addLast(oldest);
                continue;
            }
            Map<String, String> dropped = issued.remove(oldest);
            cachedCodes -= dropped == null ? 0 : dropped.size();
        }
    }

    @Override
    public synchronized ConfirmationOutcome acknowledge(String codeOrReference, String pocId, ConfirmationChannel channel,
                                                        Instant at, Optional<String> note) {
        Optional<PointOfContact> poc = Optional.ofNullable(pocId).flatMap(directory.get()::pointOfContact);
        String token = codeOrReference == null ? "" : codeOrReference.strip();
        if (poc.isEmpty()) {
            return reject(new Attempt(Optional.of(token).filter(ReferenceNumber::isWellFormed), Optional.empty(),
                    Optional.empty(), channel, Optional.ofNullable(pocId), Optional.of("no point of contact " + pocId),
                    note, at), ConfirmationVerdict.UNKNOWN_SENDER, pocId + " is not a point of contact in the directory");
        }
        String org = poc.get().organisationId();
        if (ReferenceNumber.isWellFormed(token)) {
            Attempt attempt = new Attempt(Optional.of(token), Optional.of(org), Optional.of(pocId), channel,
                    Optional.of(pocId), Optional.empty(), note, at);
            if (notices.notice(token).isEmpty()) {
                return reject(attempt, ConfirmationVerdict.UNKNOWN_NOTICE, "no notice " + token);
            }
            if (!wasSentTo(token, org)) {
                return reject(attempt, ConfirmationVerdict.NOT_A_RECIPIENT, token + " was not sent to " + org);
            }
            return accept(attempt, Optional.empty());
        }
        List<String> candidates = codes.candidates(token);
        Attempt unattached = new Attempt(Optional.empty(), Optional.of(org), Optional.of(pocId), channel,
                Optional.of(pocId), Optional.empty(), note, at);
        if (candidates.isEmpty()) {
            return reject(unattached, ConfirmationVerdict.NO_CODE, "neither a reference number nor a confirmation code");
        }
        Optional<IssuedCode> issued = store.findCode(candidates.get(0));
        if (issued.isEmpty()) {
            return reject(unattached, ConfirmationVerdict.UNKNOWN_CODE, "no such confirmation code");
        }
        IssuedCode code = issued.get();
        Attempt attempt = new Attempt(Optional.of(code.reference()), Optional.of(org), Optional.of(pocId), channel,
                Optional.of(pocId), Optional.empty(), note, at);
        if (!code.pocId().equals(pocId)) {
            return reject(attempt, ConfirmationVerdict.CODE_NOT_FOR_SENDER, "the code was issued to another recipient");
        }
        return accept(attempt, Optional.of(code.code()));
    }

    /** Words looked up per reply: a quoted notice holds a few candidates, not thousands. */
    static final int MAX_QUOTED_CANDIDATES = 200;

    @Override
    public Optional<QuotedCode> codeQuotedIn(String text, String pocId) {
        if (text == null || pocId == null) {
            return Optional.empty();
        }
        String normal = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT);
        List<String> candidates = codes.candidates(normal);
        for (String candidate : candidates.subList(0, Math.min(candidates.size(), MAX_QUOTED_CANDIDATES))) {
            Optional<IssuedCode> issued = store.findCode(candidate);
            if (issued.isPresent() && issued.get().pocId().equals(pocId) && quotes(normal, issued.get().reference())) {
                return Optional.of(new QuotedCode(issued.get().reference(), issued.get().code()));
            }
        }
        return Optional.empty();
    }

    // The reference as a word of its own: NISC-EW-2026-00001 is not quoted by NISC-EW-2026-00001-U1.
    private static boolean quotes(String normal, String reference) {
        int at = normal.indexOf(reference);
        while (at >= 0) {
            int end = at + reference.length();
            boolean before = at == 0 || !isReferenceChar(normal.charAt(at - 1));
            boolean after = end == normal.length() || !isReferenceChar(normal.charAt(end));
            if (before && after) {
                return true;
            }
            at = normal.indexOf(reference, at + 1);
        }
        return false;
    }

    private static boolean isReferenceChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    /**
     * An SMS reply from a handset. The reply's code must be the one issued to the point of contact whose
     * registered SMS number sent it. Returns what happened; the caller answers registered numbers only.
     */
    public synchronized ConfirmationOutcome smsReply(String number, String text, Instant at) {
        List<PointOfContact> senders = directory.get().pointsOfContact().values().stream()
                .filter(p -> p.channel(ChannelKind.SMS).map(ContactChannel::address).filter(a -> sameNumber(a, number)).isPresent())
                .toList();
        Optional<String> senderPoc = senders.size() == 1 ? Optional.of(senders.get(0).id()) : Optional.empty();
        Optional<String> senderOrg = senders.size() == 1 ? Optional.of(senders.get(0).organisationId()) : Optional.empty();
        Optional<String> kept = Optional.of("reply: " + abbreviate(text));
        List<String> candidates = codes.candidates(text);
        Attempt unattached = new Attempt(Optional.empty(), senderOrg, senderPoc, ConfirmationChannel.SMS_REPLY,
                Optional.ofNullable(number), kept, Optional.empty(), at);
        if (candidates.isEmpty()) {
            return reject(unattached, ConfirmationVerdict.NO_CODE, "no confirmation code in the reply");
        }
        Optional<IssuedCode> issued = candidates.stream().map(store::findCode).flatMap(Optional::stream).findFirst();
        if (issued.isEmpty()) {
            return reject(unattached, ConfirmationVerdict.UNKNOWN_CODE, "no such confirmation code");
        }
        IssuedCode code = issued.get();
        Optional<PointOfContact> owner = senders.stream().filter(p -> p.id().equals(code.pocId())).findFirst();
        if (owner.isEmpty()) {
            Attempt attempt = new Attempt(Optional.of(code.reference()), senderOrg, senderPoc, ConfirmationChannel.SMS_REPLY,
                    Optional.ofNullable(number), Optional.of("from a number not in the directory").filter(x -> senders.isEmpty()),
                    Optional.empty(), at);
            return reject(attempt, ConfirmationVerdict.CODE_NOT_FOR_SENDER, "the code was not issued to this number");
        }
        return accept(new Attempt(Optional.of(code.reference()), Optional.of(code.organisationId()),
                Optional.of(code.pocId()), ConfirmationChannel.SMS_REPLY, Optional.ofNullable(number), kept,
                Optional.empty(), at), Optional.of(code.code()));
    }

    /** True when {@code number} is some point of contact's registered SMS number, i.e. worth answering. */
    public boolean isRegisteredNumber(String number) {
        return directory.get().pointsOfContact().values().stream()
                .anyMatch(p -> p.channel(ChannelKind.SMS).filter(c -> sameNumber(c.address(), number)).isPresent());
    }

    private ConfirmationOutcome accept(Attempt attempt, Optional<String> code) {
        Confirmation stored = store.recordAccepted(attempt, code);
        String reference = attempt.reference().orElseThrow();
        String org = attempt.organisationId().orElseThrow();
        Optional<Instant> first = store.firstConfirmation(reference, org).map(Confirmation::at);
        String when = first.map(this::time).orElse("?");
        String message = switch (stored.verdict()) {
            case CONFIRMED -> "確認しました / Confirmed: " + reference + " for " + org + " at " + when;
            case ALSO_CONFIRMED -> "記録しました / Recorded: " + reference + " was already confirmed for " + org
                    + " at " + when + "; nothing changed";
            default -> "使用済みのコード / Code already used: " + reference + " was confirmed at " + when
                    + "; nothing recorded";
        };
        if (stored.verdict().accepted()) {
            events.publish(new GatewayEvent(GatewayEvent.Kind.CONFIRMATION_RECORDED, reference, org, stored.at()));
        }
        LOG.info("{} confirmation of {} by {} ({}) via {}: {}", stored.verdict().accepted() ? "accepted" : "rejected",
                reference, attempt.pocId().orElse("?"), org, attempt.channel().label(), stored.verdict().description());
        return new ConfirmationOutcome(stored.verdict(), Optional.of(reference), Optional.of(org), first, message);
    }

    private ConfirmationOutcome reject(Attempt attempt, ConfirmationVerdict verdict, String reason) {
        Attempt withReason = new Attempt(attempt.reference(), attempt.organisationId(), attempt.pocId(), attempt.channel(),
                attempt.sender(), Optional.of(attempt.detail().map(d -> reason + "; " + d).orElse(reason)), attempt.note(),
                attempt.at());
        store.recordRejected(withReason, verdict);
        // The reason may name the notice, never another recipient or the number.
        LOG.warn("rejected confirmation via {} from {}: {}", attempt.channel().label(),
                attempt.pocId().orElse("an unregistered sender"), verdict.description());
        String message = switch (verdict) {
            case UNKNOWN_CODE -> "不明なコード / Unknown code; nothing recorded. Reply with the code in the alert.";
            case NO_CODE -> "コードがありません / No confirmation code found; reply with the "
                    + codes.length() + "-character code in the alert.";
            case CODE_NOT_FOR_SENDER -> "このコードはあなた宛てではありません / This code was not issued to you; nothing recorded.";
            default -> "受け付けられません / Not accepted: " + reason + "; nothing recorded.";
        };
        return new ConfirmationOutcome(verdict, attempt.reference(), attempt.organisationId(), Optional.empty(), message);
    }

    private boolean wasSentTo(String reference, String organisationId) {
        return notices.deliveries(reference).stream()
                .anyMatch(d -> d.organisationId().equals(organisationId) && d.role() != DeliveryRole.DUTY_ALERT);
    }

    private String time(Instant at) {
        return io.liaison.gateway.time.DisplayTime.format(at, zone);
    }

    // SMSCs write the same handset as +8190…, 8190… or with a TON flag only: compare the digits.
    static boolean sameNumber(String registered, String received) {
        if (registered == null || received == null) {
            return false;
        }
        String a = registered.replaceAll("[^0-9]", "");
        String b = received.replaceAll("[^0-9]", "");
        return !a.isEmpty() && a.equals(b);
    }

    private static String abbreviate(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= KEPT_REPLY_CHARS ? t : t.substring(0, KEPT_REPLY_CHARS) + "...";
    }
}
