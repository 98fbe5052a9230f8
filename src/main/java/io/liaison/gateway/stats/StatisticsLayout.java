package io.liaison.gateway.stats;

import static io.liaison.gateway.stats.StatisticsRow.Table.CAUSE;
import static io.liaison.gateway.stats.StatisticsRow.Table.EVENT;
import static io.liaison.gateway.stats.StatisticsRow.Table.FORM;

import java.util.List;

/**
 * The rows of seed 004's tables in its order and with its Japanese labels (which differ slightly from the
 * inbound format's labels: the published table is the reference here). The "（記載なし）" rows are the
 * gateway's addition: reports are fragmentary by design, and without them the breakdowns would not add up.
 */
public final class StatisticsLayout {
    private static final String OCCURRED_JA = "発生した事象";
    private static final String OCCURRED_EN = "Events that occurred";
    private static final String LEADING_JA = "上記につながる事象 ";
    private static final String LEADING_EN = "Leading to the above: ";
    private static final String INTENTIONAL_JA = "意図的な原因";
    private static final String INTENTIONAL_EN = "Intentional causes";
    private static final String ACCIDENTAL_JA = "偶発的な原因";
    private static final String ACCIDENTAL_EN = "Accidental causes";

    public static final List<StatisticsRow> ROWS = List.of(
            new StatisticsRow(FORM, "", "", "重要インフラ事業者等からNISCへの情報連絡(※)",
                    "Incident reports from critical-infrastructure operators etc. to NISC (*)", StatisticsRow.OPERATOR_REPORTS),
            new StatisticsRow(FORM, "", "", "関係省庁・関係機関からのNISCへの情報共有",
                    "Information shared with NISC by ministries and related agencies", StatisticsRow.GOVERNMENT_SHARES),
            new StatisticsRow(FORM, "", "", "NISCからの情報提供", "Information provided by NISC", StatisticsRow.NISC_PROVISIONS),

            new StatisticsRow(EVENT, "未発生", "Not occurred", "予兆・ヒヤリハット", "Precursors, near misses", "precursor"),
            new StatisticsRow(EVENT, OCCURRED_JA, OCCURRED_EN, "機密性を脅かす事象 情報の漏えい",
                    "Threat to confidentiality: information leaked", "leak"),
            new StatisticsRow(EVENT, OCCURRED_JA, OCCURRED_EN, "完全性を脅かす事象 情報の破壊",
                    "Threat to integrity: information destroyed", "destruction"),
            new StatisticsRow(EVENT, OCCURRED_JA, OCCURRED_EN, "可用性を脅かす事象 システム等の利用困難",
                    "Threat to availability: systems hard to use", "unavailable"),
            new StatisticsRow(EVENT, OCCURRED_JA, OCCURRED_EN, LEADING_JA + "マルウェア等の感染", LEADING_EN + "malware infection",
                    "malware-infection"),
            new StatisticsRow(EVENT, OCCURRED_JA, OCCURRED_EN, LEADING_JA + "不正コード等の実行",
                    LEADING_EN + "unauthorised code executed", "unauthorised-code-execution"),
            new StatisticsRow(EVENT, OCCURRED_JA, OCCURRED_EN, LEADING_JA + "システム等への侵入", LEADING_EN + "intrusion into systems",
                    "intrusion"),
            new StatisticsRow(EVENT, OCCURRED_JA, OCCURRED_EN, "その他", "Other", "other"),
            new StatisticsRow(EVENT, "（記載なし）", "(not stated)", "事象の種類の記載なし", "No event type stated",
                    StatisticsRow.NOT_STATED),

            new StatisticsRow(CAUSE, INTENTIONAL_JA, INTENTIONAL_EN, "不審メール等の受信", "Suspicious mail received", "suspicious-mail"),
            new StatisticsRow(CAUSE, INTENTIONAL_JA, INTENTIONAL_EN, "ユーザID等の偽り", "User IDs spoofed", "id-spoofing"),
            new StatisticsRow(CAUSE, INTENTIONAL_JA, INTENTIONAL_EN, "DoS攻撃等の大量アクセス", "DoS attacks and other mass access", "dos"),
            new StatisticsRow(CAUSE, INTENTIONAL_JA, INTENTIONAL_EN, "情報の不正取得", "Information obtained illicitly", "data-theft"),
            new StatisticsRow(CAUSE, INTENTIONAL_JA, INTENTIONAL_EN, "内部不正", "Insider wrongdoing", "insider"),
            new StatisticsRow(CAUSE, INTENTIONAL_JA, INTENTIONAL_EN, "適切なシステム等運用の未実施", "Systems not operated properly",
                    "improper-operation"),
            new StatisticsRow(CAUSE, ACCIDENTAL_JA, ACCIDENTAL_EN, "ユーザの操作ミス", "User operation error", "user-operation-error"),
            new StatisticsRow(CAUSE, ACCIDENTAL_JA, ACCIDENTAL_EN, "ユーザの管理ミス", "User management error", "user-management-error"),
            new StatisticsRow(CAUSE, ACCIDENTAL_JA, ACCIDENTAL_EN, "不審なファイルの実行", "Suspicious file run", "suspicious-file-run"),
            new StatisticsRow(CAUSE, ACCIDENTAL_JA, ACCIDENTAL_EN, "不審なサイトの閲覧", "Suspicious site visited",
                    "suspicious-site-visited"),
            new StatisticsRow(CAUSE, ACCIDENTAL_JA, ACCIDENTAL_EN, "外部委託先の管理ミス", "Contractor management error",
                    "contractor-management-error"),
            new StatisticsRow(CAUSE, ACCIDENTAL_JA, ACCIDENTAL_EN, "機器等の故障", "Equipment failure", "equipment-failure"),
            new StatisticsRow(CAUSE, ACCIDENTAL_JA, ACCIDENTAL_EN, "システムの脆弱性", "System vulnerability", "system-vulnerability"),
            new StatisticsRow(CAUSE, "他分野の障害からの波及", "Spread from a failure in another sector", "", "",
                    "spread-from-other-sector"),
            new StatisticsRow(CAUSE, "環境的な原因", "Environmental causes", "災害や疾病等", "Disasters, illness etc.", "disaster-or-illness"),
            new StatisticsRow(CAUSE, "その他の原因", "Other causes", "その他", "Other", "other"),
            new StatisticsRow(CAUSE, "その他の原因", "Other causes", "不明", "Unknown", "unknown"),
            new StatisticsRow(CAUSE, "（記載なし）", "(not stated)", "原因の記載なし", "No cause stated", StatisticsRow.NOT_STATED));

    private StatisticsLayout() {
    }
}
