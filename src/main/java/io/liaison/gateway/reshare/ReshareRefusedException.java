package io.liaison.gateway.reshare;

/** A re-share that cannot go ahead as asked; the message says why in the use case's words. */
public class ReshareRefusedException extends RuntimeException {
    public ReshareRefusedException(String message) {
        super(message);
    }
}
