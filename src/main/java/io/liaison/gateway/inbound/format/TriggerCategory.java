package io.liaison.gateway.inbound.format;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why an operator reports (DOMAIN.md flow 7, seed 001 §4): a cyber attack, an unintentional cause, or a
 * disaster, each with the sub-cases the seed lists.
 */
public enum TriggerCategory {
    CYBER_ATTACK("cyber-attack", "サイバー攻撃",
            List.of(TriggerCase.SERIOUS_FAILURE, TriggerCase.ATTACK_DETECTED, TriggerCase.ATTACK_ANNOUNCED, TriggerCase.ATTACK_DAMAGE)),
    UNINTENTIONAL("unintentional", "非意図的要因", List.of(TriggerCase.SERIOUS_FAILURE)),
    DISASTER("disaster", "災害", List.of(TriggerCase.SERIOUS_FAILURE, TriggerCase.FAILURE_EXPECTED));

    private final String code;
    private final String japanese;
    private final List<TriggerCase> cases;

    TriggerCategory(String code, String japanese, List<TriggerCase> cases) {
        this.code = code;
        this.japanese = japanese;
        this.cases = cases;
    }

    public String code() {
        return code;
    }

    public String japanese() {
        return japanese;
    }

    /** The sub-cases the seed allows under this category. */
    public List<TriggerCase> cases() {
        return cases;
    }

    public static Optional<TriggerCategory> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.code.equals(text)).findFirst();
    }

    /** The sub-cases of a trigger category. */
    public enum TriggerCase {
        SERIOUS_FAILURE("serious-failure", "重要システムの深刻な障害"),
        ATTACK_DETECTED("attack-detected", "攻撃の検知（被害なし・発生のおそれ）"),
        ATTACK_ANNOUNCED("attack-announced", "攻撃の予告"),
        ATTACK_DAMAGE("attack-damage", "攻撃による被害の検知"),
        FAILURE_EXPECTED("failure-expected", "二次被害による障害の発生見込み");

        private final String code;
        private final String japanese;

        TriggerCase(String code, String japanese) {
            this.code = code;
            this.japanese = japanese;
        }

        public String code() {
            return code;
        }

        public String japanese() {
            return japanese;
        }

        public static Optional<TriggerCase> parse(String text) {
            return Arrays.stream(values()).filter(v -> v.code.equals(text)).findFirst();
        }
    }
}
