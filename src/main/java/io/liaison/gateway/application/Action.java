package io.liaison.gateway.application;

import java.util.Locale;

/** Everything an actor can ask of the gateway; the columns of the authorisation table. */
public enum Action {
    SEND_NOTICE("send a notice"),
    PREVIEW_NOTICE("preview a notice (nothing sent)"),
    FORWARD_NOTICE("forward or relay a received notice"),
    CONFIRM_NOTICE("confirm a notice"),
    RESEND_DELIVERY("resend a failed delivery"),
    FILE_INCIDENT_REPORT("file an incident report (第N報)"),
    VIEW_INCIDENT("read an incident's reports"),
    PROPOSE_RESHARE("propose a re-share"),
    APPROVE_RESHARE("approve a re-share"),
    REJECT_RESHARE("reject a re-share, with a reason"),
    VIEW_RESHARE("read a re-share proposal"),
    VIEW_NOTICE("read a notice's status"),
    VIEW_INBOX("list the notices received"),
    VIEW_DUTY_BOARD("the duty board"),
    REVIEW_QUARANTINE("review quarantined inbound"),
    VIEW_STATISTICS("statistics"),
    VIEW_DIRECTORY("the directory");

    private final String description;

    Action(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The dotted name used in audit details and problem documents: {@code notice.send}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
