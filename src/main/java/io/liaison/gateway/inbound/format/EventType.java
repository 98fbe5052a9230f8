package io.liaison.gateway.inbound.format;

import java.util.Arrays;
import java.util.Optional;

/** The event breakdown of the quarterly statistics (DOMAIN.md flow 14, seed 004). */
public enum EventType {
    PRECURSOR("precursor", "予兆・ヒヤリハット"),
    LEAK("leak", "機密性を脅かす事象（漏えい）"),
    DESTRUCTION("destruction", "完全性を脅かす事象（破壊）"),
    UNAVAILABLE("unavailable", "可用性を脅かす事象（利用困難）"),
    MALWARE_INFECTION("malware-infection", "マルウェア感染"),
    UNAUTHORISED_CODE_EXECUTION("unauthorised-code-execution", "不正コードの実行"),
    INTRUSION("intrusion", "不正侵入"),
    OTHER("other", "その他");

    private final String code;
    private final String japanese;

    EventType(String code, String japanese) {
        this.code = code;
        this.japanese = japanese;
    }

    public String code() {
        return code;
    }

    public String japanese() {
        return japanese;
    }

    public static Optional<EventType> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.code.equals(text)).findFirst();
    }
}
