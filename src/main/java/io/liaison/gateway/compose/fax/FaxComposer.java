package io.liaison.gateway.compose.fax;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.StoredNotice;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides what a fax may carry. A fax crosses the telephone network unencrypted and lands on a shared
 * machine, so above the configured level only a cover sheet goes: reference, level, where to read the
 * notice (the encrypted e-mail) and how to confirm — never its title, summary or body.
 */
public final class FaxComposer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final ZoneId zone;
    private final Tlp fullContentMaxLevel;

    /** @param fullContentMaxLevel the most restrictive level still sent by fax in full */
    public FaxComposer(ZoneId zone, Tlp fullContentMaxLevel) {
        if (!Tlp.AMBER.covers(fullContentMaxLevel)) {
            throw new IllegalArgumentException("fax is a plaintext channel: " + fullContentMaxLevel.label()
                    + " never goes by fax in full (at most TLP:AMBER)");
        }
        this.zone = zone;
        this.fullContentMaxLevel = fullContentMaxLevel;
    }

    /** Whether a notice of this level goes by fax in full (otherwise a cover sheet only). */
    public boolean sendsInFull(Tlp level) {
        return fullContentMaxLevel.covers(level);
    }

    public FaxSheet compose(StoredNotice n, FaxContext ctx) {
        // An incident relay's text names its reporter (voluntarily provided information): never in clear, at any level.
        boolean full = n.kind() != NoticeKind.INCIDENT_RELAY && sendsInFull(n.level());
        if (n.kind() == NoticeKind.KEY_ANNOUNCEMENT || n.kind() == NoticeKind.CERTIFICATE_EXPIRY) {
            return keyNotice(n, ctx);
        }
        List<String> lines = new ArrayList<>();
        lines.add(NoticeMarking.kindLabel(n.kind()) + "   " + n.reference() + "   Priority / 優先度: "
                + n.priority().yamlName().toUpperCase(Locale.ROOT));
        n.followUp().ifPresent(f -> lines.add(">>> " + f.line()));
        if (!full) {
            lines.add("FAX COVER SHEET — CONTENT NOT INCLUDED / ファクス送付状（本文は含みません）");
        }
        lines.add("To / 宛先: " + ctx.recipientName() + "   (FAX " + ctx.faxNumber() + ")");
        lines.add("From / 発信元: " + ctx.senderName());
        ctx.forwardedBy().ifPresent(via -> lines.add("Forwarded by / 転送元: " + via));
        lines.add("Issued / 発信日時: " + TIME.format(n.createdAt().atZone(zone)));
        lines.add("Level / 取扱区分: " + n.level().display());
        if (full) {
            lines.add("Title / 件名: " + n.title());
            if (!ctx.sectorNames().isEmpty()) {
                lines.add("Sectors / 対象分野: " + String.join(", ", ctx.sectorNames()));
            }
            lines.add(FaxSheet.RULE);
            n.body().strip().lines().forEach(lines::add);
            lines.add(FaxSheet.RULE);
            lines.add("Handling / 取扱い: " + n.level().label() + " — " + NoticeMarking.handling(n.level()));
            lines.add("This fax travelled unencrypted: keep it at the machine's owner, not in a shared tray."
                    + " / 本ファクスは暗号化されていません。共用の受信トレイに放置しないでください。");
            lines.add("");
            lines.add("To confirm receipt / 受領確認: reply to the encrypted e-mail of this notice quoting " + n.reference()
                    + ". / 本通知の暗号化電子メールに参照番号 " + n.reference() + " を付して返信してください。");
            ctx.confirmationCode().ifPresent(code -> lines.add(NoticeMarking.confirmPrompt(code) + " (SMS)"));
        } else {
            lines.add(FaxSheet.RULE);
            lines.add("This notice is " + n.level().label() + ". Fax is not encrypted, so its content is not sent by fax.");
            lines.add("本通知は " + n.level().label() + " のため、暗号化されないファクスでは本文を送信していません。");
            lines.add("");
            lines.add("Where to read it / 本文の確認: the encrypted e-mail sent to your registered address, reference "
                    + n.reference() + ". / 登録済みアドレス宛の暗号化電子メール（参照番号 " + n.reference() + "）をご覧ください。");
            lines.add("");
            lines.add("To confirm receipt / 受領確認: reply to that encrypted e-mail quoting " + n.reference()
                    + ". If it has not arrived, contact " + ctx.senderName() + " quoting the reference."
                    + " / 暗号化電子メールに参照番号を付して返信してください。届いていない場合は参照番号を添えて発信元へ連絡してください。");
            ctx.confirmationCode().ifPresent(code -> lines.add(NoticeMarking.confirmPrompt(code) + " (SMS)"));
            lines.add(FaxSheet.RULE);
            lines.add("Handling / 取扱い: " + n.level().label() + " — " + NoticeMarking.handling(n.level()));
        }
        return new FaxSheet(n.level(), n.exercise(), n.reference(), ctx.senderName(), lines, !full);
    }

    /**
     * A key notice by fax says only what its summary says (a new gateway key was announced and where to
     * check its fingerprint; or which certificate expires when): certificates and fingerprints to trust
     * travel signed and encrypted, never on an unauthenticated fax page.
     */
    private FaxSheet keyNotice(StoredNotice n, FaxContext ctx) {
        List<String> lines = new ArrayList<>();
        lines.add(NoticeMarking.kindLabel(n.kind()) + "   " + n.reference());
        lines.add("To / 宛先: " + ctx.recipientName() + "   (FAX " + ctx.faxNumber() + ")");
        lines.add("From / 発信元: " + ctx.senderName());
        lines.add("Issued / 発信日時: " + TIME.format(n.createdAt().atZone(zone)));
        lines.add(FaxSheet.RULE);
        lines.add(n.summary());
        lines.add(FaxSheet.RULE);
        return new FaxSheet(n.level(), n.exercise(), n.reference(), ctx.senderName(), lines, true);
    }
}
