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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells the point of contact registered for a quarantined message's From address, on that contact's
 * registered channels, through the normal outbound store and dispatch — at most as often as
 * {@link QuarantineNoticeSettings} allows, and never in answer to automatic mail or the gateway's own.
 *
 * <p>Anyone can put a registered address in a From header, so the notice is written for a reader who
 * may not have sent anything: the SMS is a fixed text (its reference is the gateway's own), and the
 * e-mail quotes nothing the sender wrote but the Message-ID, reduced to printable ASCII and cut short.
 */
final class QuarantineNotifier {
    /** What the SMS says, whatever the message was: the attacker writes none of it. */
    static final String SMS_TEXT = "ゲートウェイ宛メールを保留 詳細はメールで / Your mail to the gateway was held; see e-mail";
    static final String TITLE = "受信メッセージを保留しました / Your message to the gateway was quarantined";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final Supplier<Directory> directory;
    private final NoticeStore notices;
    private final InboundStore inbound;
    private final InboundDeliveryPlanner planner;
    private final ZoneId zone;
    private final String prefix;
    private final QuarantineNoticeSettings settings;

    QuarantineNotifier(Supplier<Directory> directory, NoticeStore notices, InboundStore inbound, InboundDeliveryPlanner planner, ZoneId zone,
                       String prefix, QuarantineNoticeSettings settings) {
        this.directory = directory;
        this.notices = notices;
        this.inbound = inbound;
        this.planner = planner;
        this.zone = zone;
        this.prefix = prefix;
        this.settings = settings;
    }

    /** Either the notice sent or why none was. */
    record Told(Optional<String> reference, Optional<String> suppressed) {
    }

    /**
     * Tells {@code poc}, unless the message must not be answered ({@code notAnswerable}, from
     * {@link MailLoopGuard}) or a limit is reached. Limits are counted from the stored verdicts, so a
     * restart does not reset them.
     */
    Told tell(PointOfContact poc, long inboundId, Optional<String> messageId, ReasonCode reason, Optional<String> notAnswerable,
              Instant now) {
        if (notAnswerable.isPresent()) {
            return suppressed(notAnswerable.get());
        }
        Instant since = now.minus(settings.window());
        int toSender = inbound.quarantineNoticesSince(Optional.of(poc.id()), since);
        if (toSender >= settings.perSender()) {
            return suppressed("rate limit: " + toSender + " notice(s) to " + poc.id() + " within " + settings.window()
                    + " (gateway.inbound.quarantine-notice.per-sender=" + settings.perSender() + ")");
        }
        int overall = inbound.quarantineNoticesSince(Optional.empty(), since);
        if (overall >= settings.overall()) {
            return suppressed("rate limit: " + overall + " notice(s) overall within " + settings.window()
                    + " (gateway.inbound.quarantine-notice.overall=" + settings.overall() + ")");
        }
        return new Told(Optional.of(notify(poc, inboundId, messageId, reason, now)), Optional.empty());
    }

    private static Told suppressed(String why) {
        return new Told(Optional.empty(), Optional.of(why));
    }

    /** @return the quarantine notice's reference */
    private String notify(PointOfContact poc, long inboundId, Optional<String> messageId, ReasonCode reason, Instant now) {
        String nisc = directory.get().nisc().id();
        String sender = directory.get().pointsOfContactOf(nisc).stream().map(PointOfContact::id).findFirst().orElse("gateway");
        NoticeDraft draft = new NoticeDraft(NoticeKind.QUARANTINE_NOTICE, Priority.NORMAL, Tlp.AMBER, false, sender, TITLE,
                SMS_TEXT, body(inboundId, messageId, reason, now), new Target(List.of(), List.of(poc.organisationId()), false));
        DeliveryPlan plan = planner.toPointOfContact(poc);
        String series = ReferenceNumber.series(prefix, false, NoticeKind.QUARANTINE_NOTICE, Priority.NORMAL,
                now.atZone(zone).getYear());
        return notices.accept(draft, nisc, series, plan, now).value();
    }

    /** The e-mail body: what happened, what to do, in Japanese and English. */
    String body(long inboundId, Optional<String> messageId, ReasonCode reason, Instant now) {
        String id = messageId.map(QuarantineNotifier::safe).orElse("(なし / none)");
        return "ゲートウェイ宛てに届いたメッセージを、検証できなかったため保留しました。内容は処理されていません。\n"
                + "A message addressed to the gateway could not be verified and was quarantined. Nothing in it was acted on.\n\n"
                + "受信日時 / Received: " + TIME.format(now.atZone(zone)) + "\n"
                + "Message-ID: " + id + "\n"
                + "受付番号 / Gateway record: inbound #" + inboundId + "\n"
                + "理由 / Reason: " + reason.name() + "\n"
                + "  " + QuarantineAdvice.whatHappenedJa(reason) + "\n"
                + "  " + QuarantineAdvice.whatHappenedEn(reason) + "\n\n"
                + "対処 / What to do:\n"
                + "  " + QuarantineAdvice.whatToDoJa(reason) + "\n"
                + "  " + QuarantineAdvice.whatToDoEn(reason) + "\n\n"
                + "送信した覚えがない場合、第三者があなたの名前でメールを送っている可能性があります。メールの内容に従わず、\n"
                + "以前からご存じの番号でNISC当番へ電話してください（メールに書かれた番号には掛けないでください）。\n"
                + "If you did not send it, someone may be sending mail in your name: do not act on it, and call the NISC\n"
                + "duty officer on the number you already know (never a number given in an e-mail).\n\n"
                + "このお知らせは同じ送信者について一定時間に1回までしか送られません。\n"
                + "Notices like this one are limited per sender and per hour; further quarantined messages are kept for the duty officer.\n";
    }

    /**
     * A Message-ID as the notice may quote it: printable ASCII only (control, bidi and every other
     * non-ASCII character become "?"), at most 80 characters.
     */
    static String safe(String messageId) {
        String printable = messageId.replaceAll("[^\\x21-\\x7E]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }
}
