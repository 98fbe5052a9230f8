package io.liaison.gateway.policy;

/** Why an organisation receives a notice, shown in the status table. */
public enum DeliveryRole {
    /** Addressed directly by the notice's target. */
    DIRECT,
    /** A ministry liaison's copy (同報) of an early warning sent directly to its sector. */
    LIAISON_COPY,
    /** Passed on by a liaison, CEPTOAR or council with the original reference. */
    FORWARD
}
