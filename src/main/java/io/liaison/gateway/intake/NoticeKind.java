package io.liaison.gateway.intake;

import java.util.Arrays;
import java.util.Optional;

/** The seeds' two outbound flows: normal provision (情報提供) and urgent early warning (早期警戒情報). */
public enum NoticeKind {
    PROVISION("provision", "PR"),
    EARLY_WARNING("early-warning", "EW");

    private final String yamlName;
    private final String seriesCode;

    NoticeKind(String yamlName, String seriesCode) {
        this.yamlName = yamlName;
        this.seriesCode = seriesCode;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Code used in reference numbers, e.g. EW in NISC-EW-2026-00042. */
    public String seriesCode() {
        return seriesCode;
    }

    public static Optional<NoticeKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(text)).findFirst();
    }
}
