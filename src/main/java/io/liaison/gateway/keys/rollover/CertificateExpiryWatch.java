package io.liaison.gateway.keys.rollover;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.numbering.ReferenceNumber;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.store.NoticeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a point of contact, before its certificate expires, so a new one is registered before an alert
 * would have to be refused (MISP users' top complaint: silent non-delivery to an expired key). The
 * notice goes on the contact's channels other than e-mail (SMS, fax: "which certificate, when", nothing
 * confidential); only a contact with no other channel gets it by e-mail, still encrypted to the
 * certificate that has not expired yet. Once per certificate and threshold (e.g. 30 days before), claimed
 * in the {@link KeyNoticeStore} before the notice is stored, so neither a restart nor a second node
 * repeats it. Run by the gateway on a timer (routes/tracking.yaml), on its injected clock.
 */
public final class CertificateExpiryWatch {
    private volatile io.liaison.gateway.store.JobLock jobs = io.liaison.gateway.store.JobLock.local();
    private static final Logger LOG = LoggerFactory.getLogger(CertificateExpiryWatch.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Supplier<Directory> directory;
    private final NoticeStore notices;
    private final KeyNoticeStore ledger;
    private final Clock clock;
    private final ZoneId zone;
    private final String prefix;
    private final List<Integer> thresholdDays;

    /** @param thresholdDays the days before expiry at which a contact is told, e.g. [30, 7]: once at each */
    public CertificateExpiryWatch(Supplier<Directory> directory, NoticeStore notices, KeyNoticeStore ledger, Clock clock,
                                  ZoneId zone, String prefix, List<Integer> thresholdDays) {
        if (thresholdDays.isEmpty() || thresholdDays.stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("expiry warning thresholds must be positive days, at least one: " + thresholdDays);
        }
        this.directory = directory;
        this.notices = notices;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
        this.prefix = prefix;
        this.thresholdDays = thresholdDays.stream().sorted().toList();
    }

    /** One contact told: the notice's reference, who, which certificate, when it expires, at which threshold. */
    public record Told(String reference, String pocId, String fingerprint, Instant expiresAt, int thresholdDays) {
    }

    /** Takes turns with the other gateways on the database: the run of a gateway whose turn it is not is skipped. */
    public CertificateExpiryWatch oneGatewayAtATime(io.liaison.gateway.store.JobLock lock) {
        this.jobs = lock;
        return this;
    }

    /**
     * Tells every active point of contact whose certificate crossed a threshold it was not yet told about; on
     * one gateway of those sharing the database at a time (each notice is claimed in the ledger besides).
     */
    public List<Told> run() {
        java.util.concurrent.atomic.AtomicReference<List<Told>> told = new java.util.concurrent.atomic.AtomicReference<>(List.of());
        jobs.runAlone("certificate-expiry", () -> told.set(runHere()));
        return told.get();
    }

    private List<Told> runHere() {
        Instant now = clock.instant();
        Directory d = directory.get();
        List<Told> told = new ArrayList<>();
        for (PointOfContact poc : activePointsOfContact(d)) {
            Optional<RecipientCertificate> certificate = poc.certificate();
            if (certificate.isEmpty() || certificate.get().expiresAt().isEmpty()) {
                continue;
            }
            Instant expiresAt = certificate.get().expiresAt().get();
            if (!now.isBefore(expiresAt)) {
                continue; // expired: refused at every send and listed by keys check as unusable; a warning is too late
            }
            Optional<Integer> threshold = crossed(now, expiresAt);
            String fingerprint = certificate.get().fingerprint();
            if (threshold.isEmpty() || !ledger.claimExpiryNotice(fingerprint, poc.id(), threshold.get(), now)) {
                continue;
            }
            String reference = tell(d, poc, fingerprint, expiresAt, now);
            ledger.recordExpiryNotice(fingerprint, poc.id(), threshold.get(), reference);
            LOG.warn("certificate {} of {} expires at {}: told in {} ({}-day warning)", fingerprint, poc.id(), expiresAt, reference,
                    threshold.get());
            told.add(new Told(reference, poc.id(), fingerprint, expiresAt, threshold.get()));
        }
        return told;
    }

    /** The smallest threshold already reached: a contact first seen 5 days before expiry is told once, not at 30 and 7. */
    private Optional<Integer> crossed(Instant now, Instant expiresAt) {
        return thresholdDays.stream().filter(days -> expiresAt.isBefore(now.plus(Duration.ofDays(days)))).findFirst();
    }

    private String tell(Directory d, PointOfContact poc, String fingerprint, Instant expiresAt, Instant now) {
        List<PlannedDelivery> deliveries = new ArrayList<>();
        for (ContactChannel channel : poc.channels()) {
            if (channel.kind() != ChannelKind.EMAIL) {
                deliveries.add(new PlannedDelivery(poc.organisationId(), poc.id(), channel.kind(), channel.address(), DeliveryRole.DIRECT));
            }
        }
        if (deliveries.isEmpty()) {
            // No second channel: the e-mail, encrypted to the certificate that is still valid.
            poc.channels().stream().filter(c -> c.kind() == ChannelKind.EMAIL).forEach(c -> deliveries.add(
                    new PlannedDelivery(poc.organisationId(), poc.id(), c.kind(), c.address(), DeliveryRole.DIRECT)));
        }
        String text = text(fingerprint, expiresAt);
        String sender = d.pointsOfContactOf(d.nisc().id()).stream().map(PointOfContact::id).findFirst().orElse("gateway");
        NoticeDraft draft = new NoticeDraft(NoticeKind.CERTIFICATE_EXPIRY, Priority.NORMAL, Tlp.CLEAR, false, sender,
                "証明書の有効期限 / Your certificate expires soon", text, text + "\n",
                new Target(List.of(), List.of(poc.organisationId()), false));
        String series = ReferenceNumber.series(prefix, false, NoticeKind.CERTIFICATE_EXPIRY, Priority.NORMAL, now.atZone(zone).getYear());
        return notices.accept(draft, d.nisc().id(), series, new DeliveryPlan(deliveries, List.of()), now).value();
    }

    /** Which certificate and when; nothing else. The fingerprint's first 16 digits name it on a phone call. */
    String text(String fingerprint, Instant expiresAt) {
        String shortId = fingerprint.length() > 16 ? fingerprint.substring(0, 16) : fingerprint;
        String when = DATE.format(expiresAt.atZone(zone));
        return "証明書 " + shortId + " は " + when + " に期限切れ。新しい証明書をNISCへ / Your certificate " + shortId
                + " expires " + when + ": send NISC a new one";
    }

    private static List<PointOfContact> activePointsOfContact(Directory d) {
        List<PointOfContact> all = new ArrayList<>();
        d.organisations().keySet().stream().sorted().forEach(org -> all.addAll(d.activePointsOfContactOf(org)));
        return all;
    }
}
