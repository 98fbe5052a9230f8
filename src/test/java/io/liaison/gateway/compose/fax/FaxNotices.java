package io.liaison.gateway.compose.fax;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.store.StoredNotice;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Stored notices and fax contexts for the fax rendering tests. */
public final class FaxNotices {
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final String TITLE = "制御系ネットワークへの標的型攻撃の兆候 / Signs of a targeted attack";
    public static final String SECRET_LINE = "送信元ドメイン power-update.example への通信をブロックすること。";

    private FaxNotices() {
    }

    public static StoredNotice notice(Tlp level) {
        return notice(level, "NISC-EW-2026-00007", body(3));
    }

    /** A notice whose body repeats a Japanese paragraph {@code paragraphs} times. */
    public static StoredNotice notice(Tlp level, String reference, String body) {
        return new StoredNotice(reference, NoticeKind.EARLY_WARNING, Priority.URGENT, level, false, "nisc", "nisc-duty",
                TITLE, "電力制御系への標的型メール攻撃の兆候。至急確認を。", body, List.of("electric-power"), List.of(),
                Instant.parse("2026-12-01T01:00:00Z"), Optional.empty());
    }

    public static String body(int paragraphs) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= paragraphs; i++) {
            b.append("【概要 ").append(i).append("】\n")
                    .append("複数の電力事業者の関連会社を装った標的型メールが確認されています。添付ファイルを開くと遠隔操作型マルウェアに感染するおそれがあります。")
                    .append("件名「系統運用データ更新のお知らせ」のメールを開かないこと。\n")
                    .append(SECRET_LINE).append('\n')
                    .append("Summary: spear-phishing mails posing as affiliates of power utilities carry a remote-access implant.\n\n");
        }
        return b.toString();
    }

    public static FaxContext context() {
        return new FaxContext("East Power SOC duty desk", "+81312340001", "内閣サイバーセキュリティセンター NISC",
                Optional.empty(), List.of("電力 Electric power"));
    }

    public static FaxRenderer renderer(Tlp fullContentMaxLevel) {
        return new FaxRenderer(TOKYO, fullContentMaxLevel, FaxResolution.FINE, FaxCompression.T4);
    }
}
