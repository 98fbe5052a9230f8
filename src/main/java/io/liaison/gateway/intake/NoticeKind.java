package io.liaison.gateway.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seeds' two outbound flows: normal provision (情報提供) and urgent early warning (早期警戒情報); and the
 * kinds the gateway itself writes (for inbound traffic, for its own and its contacts' keys), which no notice file may name.
 */
public enum NoticeKind {
    PROVISION("provision", "PR", true),
    EARLY_WARNING("early-warning", "EW", true),
    /** An accepted incident report (情報連絡) relayed to the sector's ministry and NISC as 任意提供情報. */
    INCIDENT_RELAY("incident-relay", "INC", false),
    /** "Your message was quarantined", to the point of contact registered for the claimed sender. */
    QUARANTINE_NOTICE("quarantine-notice", "QN", false),
    /** The gateway's next key (OpenPGP certificate, S/MIME certificate), to every point of contact, signed by the current key. */
    KEY_ANNOUNCEMENT("key-announcement", "KEY", false),
    /** "Your certificate expires soon", to a point of contact on its channels other than e-mail. */
    CERTIFICATE_EXPIRY("certificate-expiry", "CX", false);

    private final String yamlName;
    private final String seriesCode;
    private final boolean fromNoticeFile;

    NoticeKind(String yamlName, String seriesCode, boolean fromNoticeFile) {
        this.yamlName = yamlName;
        this.seriesCode = seriesCode;
        this.fromNoticeFile = fromNoticeFile;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Code used in reference numbers, e.g. EW in NISC-EW-2026-00042. */
    public String seriesCode() {
        return seriesCode;
    }

    /** Only the kinds a notice file may name: the inbound kinds are written by the gateway alone. */
    public static Optional<NoticeKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.fromNoticeFile && k.yamlName.equals(text)).findFirst();
    }
}
