package io.liaison.gateway.inbound;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.numbering.ReferenceNumber;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.store.NoticeStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Tells the point of contact registered for a quarantined message's From address, on that contact's
 * registered channels, through the normal outbound store and dispatch. The notice quotes only the
 * (sanitised) Message-ID and the reason code: nothing an attacker wrote is relayed.
 */
final class QuarantineNotifier {
    private final Directory directory;
    private final NoticeStore notices;
    private final InboundDeliveryPlanner planner;
    private final ZoneId zone;
    private final String prefix;

    QuarantineNotifier(Directory directory, NoticeStore notices, InboundDeliveryPlanner planner, ZoneId zone, String prefix) {
        this.directory = directory;
        this.notices = notices;
        this.planner = planner;
        this.zone = zone;
        this.prefix = prefix;
    }

    /** @return the quarantine notice's reference */
    String notify(PointOfContact poc, long inboundId, Optional<String> messageId, ReasonCode reason, Instant now) {
        String nisc = directory.nisc().id();
        String sender = directory.pointsOfContactOf(nisc).stream().map(PointOfContact::id).findFirst().orElse("gateway");
        String id = messageId.map(QuarantineNotifier::safe).orElse("#" + inboundId);
        String title = "受信メッセージを保留しました / Your message to the gateway was quarantined";
        String summary = "message " + id + " quarantined: " + reason.name();
        String body = "ゲートウェイ宛てのメッセージ " + id + " は検証に失敗したため保留され、処理されていません。\n"
                + "Your message " + id + " to the gateway was quarantined and was not acted on.\n\n"
                + "Reason / 理由: " + reason.name() + " — " + reason.summary() + "\n"
                + "Gateway record / 受付番号: inbound #" + inboundId + "\n\n"
                + "送信した覚えがない場合、第三者があなたの名前で送信している可能性があります。NISC当番へ電話で連絡してください。\n"
                + "If you did not send it, someone may be sending mail in your name: call the NISC duty officer.\n";
        NoticeDraft draft = new NoticeDraft(NoticeKind.QUARANTINE_NOTICE, Priority.NORMAL, Tlp.AMBER, false, sender, title,
                summary, body, new Target(List.of(), List.of(poc.organisationId()), false));
        DeliveryPlan plan = planner.toPointOfContact(poc);
        String series = ReferenceNumber.series(prefix, false, NoticeKind.QUARANTINE_NOTICE, Priority.NORMAL,
                now.atZone(zone).getYear());
        return notices.accept(draft, nisc, series, plan, now).value();
    }

    /** A Message-ID as the notice may quote it: printable ASCII, short. */
    static String safe(String messageId) {
        String printable = messageId.replaceAll("[^\\x21-\\x7E]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
