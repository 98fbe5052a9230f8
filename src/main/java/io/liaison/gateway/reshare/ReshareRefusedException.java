package io.liaison.gateway.reshare;

/** A re-share that may not go ahead (unknown report, the reporter's wish, no grounds, an approver outside NISC…); nothing is sent. */
public final class ReshareRefusedException extends RuntimeException {
    public ReshareRefusedException(String message) {
        super(message);
    }
}
