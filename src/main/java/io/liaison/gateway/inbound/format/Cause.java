package io.liaison.gateway.inbound.format;

import java.util.Arrays;
import java.util.Optional;

/** Causes of an event (multi-select), as the quarterly statistics break them down (DOMAIN.md flow 14, seed 004). */
public enum Cause {
    SUSPICIOUS_MAIL("suspicious-mail", "不審メール等の受信"),
    ID_SPOOFING("id-spoofing", "ユーザID等の偽り"),
    DOS("dos", "DoS攻撃等の大量アクセス"),
    DATA_THEFT("data-theft", "情報の不正取得"),
    INSIDER("insider", "内部不正"),
    IMPROPER_OPERATION("improper-operation", "適切なシステム等運用の未実施"),
    USER_OPERATION_ERROR("user-operation-error", "ユーザの操作ミス"),
    USER_MANAGEMENT_ERROR("user-management-error", "ユーザの管理ミス"),
    SUSPICIOUS_FILE_RUN("suspicious-file-run", "不審なファイルの実行"),
    SUSPICIOUS_SITE_VISITED("suspicious-site-visited", "不審なサイトの閲覧"),
    CONTRACTOR_MANAGEMENT_ERROR("contractor-management-error", "外部委託先の管理ミス"),
    EQUIPMENT_FAILURE("equipment-failure", "機器等の故障"),
    SYSTEM_VULNERABILITY("system-vulnerability", "システムの脆弱性"),
    SPREAD_FROM_OTHER_SECTOR("spread-from-other-sector", "他分野の障害からの波及"),
    DISASTER_OR_ILLNESS("disaster-or-illness", "災害や疾病"),
    OTHER("other", "その他"),
    UNKNOWN("unknown", "不明");

    private final String code;
    private final String japanese;

    Cause(String code, String japanese) {
        this.code = code;
        this.japanese = japanese;
    }

    public String code() {
        return code;
    }

    public String japanese() {
        return japanese;
    }

    public static Optional<Cause> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.code.equals(text)).findFirst();
    }
}
