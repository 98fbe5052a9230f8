package io.liaison.gateway.policy;

/** Why an organisation receives a notice, shown in the status table. */
public enum DeliveryRole {
    /** Addressed directly by the notice's target. */
    DIRECT,
    /** A ministry liaison's copy (同報) of an early warning sent directly to its sector. */
    LIAISON_COPY,
    /** Passed on by a liaison, CEPTOAR or council with the original reference. */
    FORWARD,
    /** Escalation step: the same notice again to the same contacts, marked as a reminder. */
    REMINDER,
    /** Escalation step: the notice to the organisation's standby contact, because nobody confirmed. */
    ESCALATION,
    /** Escalation step: the gateway's duty officer is told which recipient has not confirmed. */
    DUTY_ALERT;

    /** The roles of a notice's own hops, whose recipients are asked to confirm and are escalated. */
    public boolean isOriginal() {
        return this == DIRECT || this == LIAISON_COPY || this == FORWARD;
    }
}
