package io.liaison.gateway.keys.rollover;

import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditEvent;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.numbering.ReferenceNumber;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.policy.Refusal;
import io.liaison.gateway.store.NoticeStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Announces the gateway's next keys to every active point of contact, through the normal store and
 * dispatch: the e-mail carries the new OpenPGP certificate and S/MIME certificate, signed by the current
 * gateway key (the announcement is refused from the switch date on, when the new key would sign it and
 * vouch for itself) and encrypted to each contact's certificate; SMS and fax say only that a new key
 * was announced and where to check its fingerprint ({@link #SMS_TEXT}).
 *
 * <p>It is the gateway's own operational message, not shared information: no handling agreement is
 * needed (an operator that replies to the gateway must learn its key even when NISC sends it notices only
 * through its CEPTOAR), and it asks for no confirmation and is never escalated. Each point of contact is
 * announced a given key once ({@link KeyNoticeStore}); a second run reaches only contacts added since.
 * Each one told is an audit entry {@code key.announced} naming the contact, the keys and the dates.
 */
public final class KeyAnnouncer {
    /** SMS and fax: no key material, no fingerprint to trust from an unauthenticated channel. */
    static final String SMS_TEXT = "ゲートウェイ新鍵を告知 指紋は署名付き暗号メールで確認 / New gateway key announced: check its fingerprint in the signed e-mail";
    static final String TITLE = "ゲートウェイ鍵の更新 / The gateway's keys are being replaced";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Supplier<Directory> directory;
    private final NoticeStore notices;
    private final KeyNoticeStore ledger;
    private final Clock clock;
    private final ZoneId zone;
    private final String prefix;
    private final AuditLog audit;

    public KeyAnnouncer(Supplier<Directory> directory, NoticeStore notices, KeyNoticeStore ledger, AuditLog audit, Clock clock,
                        ZoneId zone, String prefix) {
        this.audit = audit;
        this.directory = directory;
        this.notices = notices;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
        this.prefix = prefix;
    }

    /**
     * What one run did.
     *
     * @param reference     the announcement notice, empty when every contact had been told already
     * @param announcedTo   points of contact given it now (those with at least one delivery planned)
     * @param alreadyTold   points of contact given it by an earlier run, skipped
     * @param refusals      channels it cannot go on (e-mail without a usable certificate), with reasons
     */
    public record Announced(Optional<String> reference, List<String> announcedTo, Set<String> alreadyTold, List<Refusal> refusals) {
    }

    /**
     * Stores the announcement with one delivery per channel of every point of contact not yet told; the
     * dispatchers send it.
     *
     * @param senderPoc the NISC point of contact on whose behalf it goes out
     * @throws KeyAnnouncementException when the switch date has passed or the sender is not NISC's
     */
    public Announced announce(NextGatewayKeys keys, String senderPoc) throws KeyAnnouncementException {
        Instant now = clock.instant();
        if (!now.isBefore(keys.switchAt())) {
            throw new KeyAnnouncementException("the switch date gateway.key.switch-at (" + keys.switchAt() + ") has passed: an"
                    + " announcement now would be signed by the new key itself, which proves nothing to a contact."
                    + " Announce before the switch (set a later gateway.key.switch-at), or hand the new certificate over another way");
        }
        Directory d = directory.get();
        String nisc = d.nisc().id();
        PointOfContact sender = d.pointOfContact(senderPoc).orElseThrow(() ->
                new KeyAnnouncementException("no point of contact " + senderPoc + " in the directory"));
        if (!sender.organisationId().equals(nisc)) {
            throw new KeyAnnouncementException(senderPoc + " is a point of contact of " + sender.organisationId()
                    + ", not of " + nisc + ": only NISC announces the gateway's keys");
        }
        Set<String> told = ledger.announcedTo(keys.announcementKey());
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Set<String> organisations = new LinkedHashSet<>();
        Set<String> reached = new LinkedHashSet<>();
        for (Organisation organisation : d.organisations().values()) {
            for (PointOfContact poc : d.activePointsOfContactOf(organisation.id())) {
                if (told.contains(poc.id())) {
                    continue;
                }
                for (ContactChannel channel : poc.channels()) {
                    Optional<String> refused = refusal(poc, channel, now);
                    if (refused.isPresent()) {
                        refusals.add(Refusal.ofChannel(organisation.id(), poc.id(), channel.kind(), refused.get()));
                    } else {
                        deliveries.add(new PlannedDelivery(organisation.id(), poc.id(), channel.kind(), channel.address(),
                                DeliveryRole.DIRECT));
                        organisations.add(organisation.id());
                        reached.add(poc.id());
                    }
                }
            }
        }
        if (deliveries.isEmpty()) {
            return new Announced(Optional.empty(), List.of(), told, refusals);
        }
        NoticeDraft draft = new NoticeDraft(NoticeKind.KEY_ANNOUNCEMENT, Priority.NORMAL, Tlp.CLEAR, false, senderPoc, TITLE,
                SMS_TEXT, body(keys), new Target(List.of(), List.copyOf(organisations), false));
        String series = ReferenceNumber.series(prefix, false, NoticeKind.KEY_ANNOUNCEMENT, Priority.NORMAL, now.atZone(zone).getYear());
        String reference = notices.accept(draft, nisc, series, new DeliveryPlan(deliveries, refusals), now).value();
        // Recorded once the deliveries are stored: a stop in between announces again rather than never.
        reached.forEach(poc -> ledger.recordAnnouncement(keys.announcementKey(), poc, reference, now));
        audit.append(reached.stream().map(poc -> AuditEvent.of(ActorRef.of(senderPoc, nisc), AuditAction.KEY_ANNOUNCED, reference,
                auditDetails(keys, poc, d))).toList());
        return new Announced(Optional.of(reference), List.copyOf(reached), told, refusals);
    }

    /** One entry per point of contact told: which keys, to whom, the dates. */
    private static Map<String, String> auditDetails(NextGatewayKeys keys, String pocId, Directory d) {
        Map<String, String> details = new TreeMap<>();
        details.put("poc", pocId);
        details.put("organisation", d.pointOfContact(pocId).map(PointOfContact::organisationId).orElse(""));
        details.put("signed_by", keys.currentOpenPgp().fingerprint());
        details.put("next_openpgp", keys.nextOpenPgp().fingerprint());
        keys.nextSmime().ifPresent(c -> details.put("next_smime", c.fingerprint()));
        details.put("switch_at", keys.switchAt().toString());
        details.put("retire_at", keys.retireAt().toString());
        return details;
    }

    /** Why a channel cannot carry the announcement: e-mail only encrypted to a usable certificate. */
    private static Optional<String> refusal(PointOfContact poc, ContactChannel channel, Instant now) {
        if (channel.kind() != ChannelKind.EMAIL) {
            return Optional.empty();
        }
        if (poc.certificate().isEmpty()) {
            return Optional.of("no encryption certificate for " + poc.id() + "; e-mail is never sent in plaintext");
        }
        if (!poc.certificate().get().usableForEncryptionAt(now)) {
            return Optional.of("certificate " + poc.certificate().get().fingerprint() + " of " + poc.id()
                    + " is expired, revoked or has no encryption key");
        }
        return Optional.empty();
    }

    /** The e-mail text: both new certificates, the dates, and how to check them. */
    String body(NextGatewayKeys keys) {
        StringBuilder b = new StringBuilder();
        b.append("ゲートウェイの鍵を更新します。このメールは現在の鍵で署名されています。\n");
        b.append("The gateway's keys are being replaced. This e-mail is signed with the gateway's CURRENT key.\n\n");
        b.append("切替日時 / Switch:        ").append(TIME.format(keys.switchAt().atZone(zone)))
                .append(" — 以後の署名は新しい鍵 / from then on the gateway signs with the new key\n");
        b.append("旧鍵の廃止 / Old key retired: ").append(TIME.format(keys.retireAt().atZone(zone)))
                .append(" — 以後、旧鍵宛ての暗号メールは受け付けません / after it, mail encrypted to the old key is refused\n\n");
        b.append("現在の鍵（このメールの署名）/ Current key (signs this e-mail):\n");
        b.append("  OpenPGP ").append(grouped(keys.currentOpenPgp().fingerprint())).append('\n');
        keys.currentSmime().ifPresent(c -> b.append("  S/MIME  ").append(grouped(c.fingerprint())).append('\n'));
        b.append('\n');
        b.append("新しいOpenPGP鍵 / New OpenPGP key\n");
        b.append("  Fingerprint: ").append(grouped(keys.nextOpenPgp().fingerprint())).append("\n\n");
        b.append(keys.nextOpenPgp().armored().strip()).append("\n\n");
        keys.nextSmime().ifPresent(c -> {
            b.append("新しいS/MIME証明書 / New S/MIME certificate\n");
            b.append("  SHA-256 fingerprint: ").append(grouped(c.fingerprint())).append("\n\n");
            b.append(c.pem().strip()).append("\n\n");
        });
        b.append("対処 / What to do:\n");
        b.append("  1. このメールの署名が現在のゲートウェイ鍵（上記）によることを確認してください。\n");
        b.append("     Check that this e-mail's signature is by the current gateway key above.\n");
        b.append("  2. 新しい鍵／証明書を取り込み、指紋を上記と照合してください。疑わしい場合は、以前からご存じの番号で\n");
        b.append("     NISC当番に電話して指紋を確認してください（メールに書かれた番号には掛けないでください）。\n");
        b.append("     Import the new key or certificate and compare its fingerprint with the one above; if in doubt, confirm\n");
        b.append("     it with the NISC duty officer on the number you already know (never a number given in an e-mail).\n");
        b.append("  3. 切替日時以降は新しい鍵の署名を正とし、返信は新しい鍵宛てに暗号化してください（廃止日時までは旧鍵も可）。\n");
        b.append("     From the switch, trust signatures by the new key and encrypt replies to it (the old key works until retired).\n");
        return b.toString();
    }

    /** Fingerprints in groups of four, as GnuPG prints them: easier to compare aloud on the phone. */
    static String grouped(String hex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, Math.min(hex.length(), i + 4));
        }
        return out.toString();
    }
}
