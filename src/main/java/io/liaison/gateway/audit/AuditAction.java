package io.liaison.gateway.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of decision or action the trail records, as the dotted verb written into each entry.
 * The verbs are the export's vocabulary: renaming one breaks the reading of older exports, so a verb
 * is only ever added.
 */
public enum AuditAction {
    /** A notice file was accepted, numbered and stored. */
    NOTICE_ACCEPTED("notice.accepted"),
    /** A notice file was refused whole (bad input, nobody to send to). */
    NOTICE_REFUSED("notice.refused"),
    /** The agreement gate refused one recipient; the details give the reason. */
    GATE_REFUSED("gate.refused"),
    /** A delivery was handed to its channel's server (SMTP relay, SMSC, fax bridge). */
    DELIVERY_HANDED_OVER("delivery.handed-over"),
    /** A delivery's outcome: sent, delivered, failed (temporarily or for good). */
    DELIVERY_OUTCOME("delivery.outcome"),
    /** A delivery was sent again on request. */
    DELIVERY_RESENT("delivery.resent"),
    /** A recipient confirmed reading a notice (code by SMS, signed reply, ack command). */
    CONFIRMATION_RECORDED("confirmation.recorded"),
    /** The escalation clock took a step (reminder, second channel, standby, duty officer). */
    ESCALATION_STEP("escalation.step"),
    /** A point of contact passed a notice on to other organisations. */
    NOTICE_FORWARDED("notice.forwarded"),
    /** A forward was refused (for one recipient or all). */
    FORWARD_REFUSED("forward.refused"),
    /** A CEPTOAR or liaison relayed a notice to its members. */
    NOTICE_RELAYED("notice.relayed"),
    /** An incident report was filed (inbound, signed by an operator). */
    INCIDENT_FILED("incident.filed"),
    /** A sanitised re-share of an incident report was proposed. */
    RESHARE_PROPOSED("reshare.proposed"),
    /** NISC approved a re-share; it is sent as a notice. */
    RESHARE_APPROVED("reshare.approved"),
    /** NISC rejected a re-share proposal. */
    RESHARE_REJECTED("reshare.rejected"),
    /** An inbound message was opened, verified and acted on. */
    INBOUND_ACCEPTED("inbound.accepted"),
    /** An inbound message was quarantined; the details give the reason code. */
    INBOUND_QUARANTINED("inbound.quarantined"),
    /** A person logged in to the console. */
    SESSION_LOGIN("session.login"),
    /** A person logged out, or the session ended. */
    SESSION_LOGOUT("session.logout"),
    /** A console login refused: unknown person, a state used twice or expired, an answer that did not verify. */
    SESSION_REFUSED("session.refused"),
    /** An API token was created (its id only, never the token). */
    TOKEN_CREATED("token.created"),
    /** An API token was revoked. */
    TOKEN_REVOKED("token.revoked"),
    /** The application layer refused an action (forbidden); the details name the action. */
    ACTION_REFUSED("action.refused"),
    /**
     * The application layer carried out an action for an actor (person, point of contact, door); the
     * details name the action and its outcome. The state change itself has its own entry where it is stored.
     */
    ACTION_PERFORMED("action.performed"),
    /** A new directory was validated and swapped in. */
    DIRECTORY_RELOADED("directory.reloaded"),
    /** A new directory was refused whole; the old one stays. */
    DIRECTORY_RELOAD_REFUSED("directory.reload-refused"),
    /** A new gateway certificate was announced to the points of contact. */
    KEY_ANNOUNCED("key.announced"),
    /** The gateway switched to its new key. */
    KEY_ROLLED("key.rolled"),
    /** The gateway started; the details are its non-secret settings. */
    GATEWAY_STARTED("gateway.started"),
    /** The gateway stopped in order. */
    GATEWAY_STOPPED("gateway.stopped"),
    /** The trail was exported (by whom, which period). */
    AUDIT_EXPORTED("audit.exported");

    private final String verb;

    AuditAction(String verb) {
        this.verb = verb;
    }

    /** The dotted verb as written into entries and exports. */
    public String verb() {
        return verb;
    }

    public static Optional<AuditAction> ofVerb(String verb) {
        return Arrays.stream(values()).filter(a -> a.verb.equals(verb)).findFirst();
    }

    @Override
    public String toString() {
        return verb;
    }
}
