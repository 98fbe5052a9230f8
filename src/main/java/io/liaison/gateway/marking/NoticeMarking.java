package io.liaison.gateway.marking;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.store.StoredNotice;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Renders a notice so its level and reference are seen at a glance (識別方法の適正化): in the Subject,
 * as a banner at the top and the bottom of the body, in header fields, and at the start of the SMS.
 * Fax pages are laid out in {@code io.liaison.gateway.compose.fax} from the same labels.
 */
public final class NoticeMarking {
    public static final String HEADER_LEVEL = "X-TLP";
    public static final String HEADER_REFERENCE = "X-Liaison-Reference";
    public static final String HEADER_EXERCISE = "X-Liaison-Exercise";
    private static final String EXERCISE = "EXERCISE / 演習";
    private static final String RULE = "=".repeat(64);
    private static final String THIN = "-".repeat(64);
    private static final Map<Tlp, String> HANDLING = Map.of(
            Tlp.CLEAR, "No limit on disclosure.",
            Tlp.GREEN, "Your community (peers, partners) only; never public channels.",
            Tlp.AMBER, "Your organisation and its clients, on a need-to-know basis.",
            Tlp.AMBER_STRICT, "Your organisation only, on a need-to-know basis.",
            Tlp.RED, "Named recipients only; no further disclosure.");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final ZoneId zone;
    private final boolean demo;

    public NoticeMarking(ZoneId zone) {
        this(zone, false);
    }

    /** @param demo true in demo mode: every rendering carries {@link DemoMarking#LABEL} first */
    public NoticeMarking(ZoneId zone, boolean demo) {
        this.zone = zone;
        this.demo = demo;
    }

    public static String kindLabel(NoticeKind kind) {
        return switch (kind) {
            case EARLY_WARNING -> "早期警戒情報 EARLY WARNING";
            case PROVISION -> "情報提供 NOTICE";
            case INCIDENT_RELAY -> "任意提供情報 VOLUNTARILY PROVIDED INFORMATION";
            case QUARANTINE_NOTICE -> "受信保留 MESSAGE QUARANTINED";
            case KEY_ANNOUNCEMENT -> "鍵更新告知 NEW GATEWAY KEY";
            case CERTIFICATE_EXPIRY -> "証明書期限 CERTIFICATE EXPIRING";
        };
    }

    /** The handling rule of a level in one sentence, as printed under every notice. */
    public static String handling(Tlp level) {
        return HANDLING.get(level);
    }

    /** The marker that sets exercise traffic apart from real traffic. */
    public static String exerciseLabel() {
        return EXERCISE;
    }

    public String subject(StoredNotice n) {
        String kind = switch (n.kind()) {
            case EARLY_WARNING -> "早期警戒情報 Early warning: ";
            case PROVISION -> "情報提供 Notice: ";
            case INCIDENT_RELAY -> "任意提供情報 Voluntarily provided: ";
            case QUARANTINE_NOTICE -> "受信保留 Quarantined: ";
            case KEY_ANNOUNCEMENT -> "鍵更新告知 New gateway key: ";
            case CERTIFICATE_EXPIRY -> "証明書期限 Certificate expiring: ";
        };
        String what = n.followUp().map(f -> f.type().label() + " of " + f.references() + ": ").orElse(kind);
        return (n.exercise() ? "[" + EXERCISE + "] " : "") + "[" + n.level().label() + "] [" + n.reference() + "] "
                + what + n.title();
    }

    /**
     * The Subject as it travels outside the encryption (RFC 9788 header protection): the exercise
     * marker, the delivery's label, the level, the reference and the kind of message, never the title,
     * at any level. The title is in the Subject inside the signed and encrypted part ({@link #subject}).
     * e.g. {@code [TLP:AMBER] [NISC-EW-2026-00001] 早期警戒情報 / Early warning}.
     */
    public String outerSubject(StoredNotice n, DeliveryNote note) {
        String kind = n.followUp().map(f -> switch (f.type()) {
            case UPDATE -> "更新 / Update";
            case CANCEL -> "取消 / Cancellation";
        }).orElseGet(() -> switch (n.kind()) {
            case EARLY_WARNING -> "早期警戒情報 / Early warning";
            case PROVISION -> "情報提供 / Notice";
            case INCIDENT_RELAY -> "任意提供情報 / Voluntarily provided information";
            case QUARANTINE_NOTICE -> "受信保留 / Message quarantined";
            case KEY_ANNOUNCEMENT -> "鍵更新告知 / New gateway key";
            case CERTIFICATE_EXPIRY -> "証明書期限 / Certificate expiring";
        });
        String outer = (n.exercise() ? "[" + EXERCISE + "] " : "") + note.label().map(l -> "[" + l + "] ").orElse("")
                + "[" + n.level().label() + "] [" + n.reference() + "] " + kind;
        return demo ? DemoMarking.subject(outer) : outer;
    }

    /** Banner lines shown at the top and again at the bottom of every e-mail body. */
    public List<String> banner(StoredNotice n) {
        String level = demo ? DemoMarking.banner(n.level().display()) : n.level().display();
        return n.exercise() ? List.of(RULE, EXERCISE + "  —  " + level, RULE) : List.of(RULE, level, RULE);
    }

    /**
     * The e-mail body, plain text.
     *
     * @param via who forwarded it, or null on the first hop
     */
    public String body(StoredNotice n, String originatorName, String via, List<String> sectorNames) {
        StringBuilder b = new StringBuilder();
        banner(n).forEach(l -> b.append(l).append('\n'));
        b.append(kindLabel(n.kind())).append("   ").append(n.reference()).append("   Priority: ")
                .append(n.priority().yamlName().toUpperCase()).append('\n');
        n.followUp().ifPresent(f -> b.append(">>> ").append(f.line()).append('\n'));
        b.append("Title / 件名: ").append(n.title()).append('\n');
        b.append("From / 発信元: ").append(originatorName).append('\n');
        if (via != null) {
            b.append("Forwarded by / 転送元: ").append(via).append('\n');
        }
        b.append("Issued / 発信日時: ").append(TIME.format(n.createdAt().atZone(zone))).append('\n');
        if (!sectorNames.isEmpty()) {
            b.append("Sectors / 対象分野: ").append(String.join(", ", sectorNames)).append('\n');
        }
        b.append(THIN).append('\n');
        b.append(n.body().strip()).append('\n');
        b.append(THIN).append('\n');
        b.append("Handling / 取扱い: ").append(n.level().label()).append(" — ").append(HANDLING.get(n.level())).append('\n');
        if (n.kind() == NoticeKind.PROVISION || n.kind() == NoticeKind.EARLY_WARNING) {
            b.append("Reply quoting ").append(n.reference()).append(" to acknowledge. / 受領確認は参照番号を付して返信してください。\n");
        }
        banner(n).forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    /** The SMS: level first; above TLP:AMBER nothing beyond the level and the reference. */
    public String sms(StoredNotice n) {
        String head = (demo ? DemoMarking.LABEL + " " : "") + (n.exercise() ? EXERCISE + " " : "") + n.level().label() + " " + n.reference()
                + n.followUp().map(f -> " " + f.type().label() + " of " + f.references()).orElse("");
        if (n.level() == Tlp.AMBER_STRICT || n.level() == Tlp.RED) {
            return head;
        }
        String kind = switch (n.kind()) {
            case EARLY_WARNING -> "早期警戒";
            case PROVISION -> "情報提供";
            case INCIDENT_RELAY -> "任意提供情報";
            case QUARANTINE_NOTICE -> "受信保留";
            case KEY_ANNOUNCEMENT -> "鍵更新告知";
            case CERTIFICATE_EXPIRY -> "証明書期限";
        };
        return head + " " + kind + ": " + n.summary();
    }

    // --- per-delivery notes: reminders, escalations and the confirmation code (added around the
    // renderings above, so those stay exactly what every recipient without a note gets) ---

    /** The Subject with the delivery's label in front, e.g. {@code [再送 REMINDER] [TLP:AMBER] [NISC-EW-…] …}. */
    public String subject(StoredNotice n, DeliveryNote note) {
        String label = note.label().map(l -> "[" + l + "] ").orElse("");
        String exercise = "[" + EXERCISE + "] ";
        // the exercise marking always leads: exercise traffic must never be read as real, reminder or not
        String subject = n.exercise() ? exercise + label + subject(n).substring(exercise.length()) : label + subject(n);
        return demo ? DemoMarking.subject(subject) : subject;
    }

    /** The e-mail body with the delivery's note right under the top banner, where it is read first. */
    public String body(StoredNotice n, String originatorName, String via, List<String> sectorNames, DeliveryNote note) {
        return withNote(n, body(n, originatorName, via, sectorNames), note);
    }

    /** {@code plain}, the notice's e-mail body as {@link #body(StoredNotice, String, String, List)} made it, with the note added. */
    public String withNote(StoredNotice n, String plain, DeliveryNote note) {
        List<String> lines = new java.util.ArrayList<>();
        note.label().ifPresent(lines::add);
        lines.addAll(note.preface());
        note.confirmationCode().ifPresent(code -> {
            lines.add("確認コード / Confirmation code: " + code);
            lines.add(confirmPrompt(code) + " (SMS, or a signed e-mail reply / SMSまたは署名付きメールで返信)");
        });
        if (lines.isEmpty()) {
            return plain;
        }
        int at = 0;
        for (int i = 0, bannerLines = banner(n).size(); i < bannerLines; i++) {
            at = plain.indexOf('\n', at) + 1;
        }
        StringBuilder inserted = new StringBuilder();
        lines.forEach(l -> inserted.append(l).append('\n'));
        inserted.append(THIN).append('\n');
        return plain.substring(0, at) + inserted + plain.substring(at);
    }

    /**
     * The SMS with the delivery's note: level and reference first, then the label and its SMS line, the
     * summary, and the confirmation prompt last. When the whole does not {@code fit}, the summary is
     * shortened (never the level, reference, note or code); if even that is not enough the summary is
     * dropped and the transport's cap decides.
     */
    public String sms(StoredNotice n, DeliveryNote note, java.util.function.Predicate<String> fits) {
        String plain = sms(n);
        String head = smsHead(n);
        if (!plain.startsWith(head)) {
            head = "";
        }
        String rest = plain.substring(head.length());
        StringBuilder prefix = new StringBuilder(head);
        note.label().ifPresent(l -> prefix.append(prefix.length() == 0 ? "" : " ").append(l));
        note.smsLine().ifPresent(l -> prefix.append(prefix.length() == 0 ? "" : " ").append(l));
        String tail = note.confirmationCode().map(c -> " " + confirmPrompt(c)).orElse("");
        String whole = prefix + rest + tail;
        if (fits.test(whole)) {
            return whole;
        }
        int low = 0;
        int high = rest.length() - 1;
        String best = prefix + tail;
        while (low <= high) {
            int keep = (low + high) >>> 1;
            int cut = keep > 0 && Character.isHighSurrogate(rest.charAt(keep - 1)) ? keep - 1 : keep;
            String candidate = prefix + rest.substring(0, cut) + "..." + tail;
            if (fits.test(candidate)) {
                best = candidate;
                low = keep + 1;
            } else {
                high = keep - 1;
            }
        }
        return best;
    }

    /** How a recipient confirms, in both languages: {@code 返信で確認: ABC123 / reply ABC123 to confirm}. */
    public static String confirmPrompt(String code) {
        return "返信で確認: " + code + " / reply " + code + " to confirm";
    }

    private String smsHead(StoredNotice n) {
        return (demo ? DemoMarking.LABEL + " " : "") + (n.exercise() ? EXERCISE + " " : "") + n.level().label() + " " + n.reference();
    }
}
