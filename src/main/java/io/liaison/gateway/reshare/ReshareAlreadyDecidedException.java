package io.liaison.gateway.reshare;

/**
 * The proposal was decided already (approved and sent, or rejected), or is being decided by someone else right
 * now: the request conflicts with the proposal's state rather than being wrong in itself, so a door answers it
 * as a conflict (HTTP 409) naming the label and what happened, and stores nothing.
 */
public final class ReshareAlreadyDecidedException extends ReshareRefusedException {
    private final String label;

    public ReshareAlreadyDecidedException(String label, String message) {
        super(message);
        this.label = label;
    }

    /** The proposal's label, e.g. {@code RS-0003}. */
    public String label() {
        return label;
    }
}
