package io.liaison.gateway.track;

/** What the gateway made of one confirmation attempt. Every attempt is stored with its verdict. */
public enum ConfirmationVerdict {
    /** The first confirmation from the recipient's organisation: it counts, and stops escalation. */
    CONFIRMED(true, "confirmed"),
    /** Accepted and kept, but the organisation had already confirmed: it changes nothing. */
    ALSO_CONFIRMED(true, "kept; already confirmed"),
    /** The code is not one the gateway issued. */
    UNKNOWN_CODE(false, "unknown code"),
    /** The code was issued to another recipient (another number, another point of contact). */
    CODE_NOT_FOR_SENDER(false, "code issued to another recipient"),
    /** The code has already been used to confirm. */
    CODE_ALREADY_USED(false, "code already used"),
    /** The reply carried no confirmation code. */
    NO_CODE(false, "no confirmation code"),
    /** The reference names no notice. */
    UNKNOWN_NOTICE(false, "unknown notice"),
    /** The notice was never sent to the confirming organisation. */
    NOT_A_RECIPIENT(false, "not a recipient of the notice"),
    /** The sender is not a point of contact in the directory. */
    UNKNOWN_SENDER(false, "unknown sender");

    private final boolean accepted;
    private final String description;

    ConfirmationVerdict(boolean accepted, String description) {
        this.accepted = accepted;
        this.description = description;
    }

    /** True when the attempt was a valid confirmation (first or later). */
    public boolean accepted() {
        return accepted;
    }

    public String description() {
        return description;
    }
}
