package io.liaison.gateway.policy;

/** A forward that cannot even be considered: unknown reference or acting point of contact. Nothing is stored. */
public final class ForwardRefusedException extends RuntimeException {
    public ForwardRefusedException(String message) {
        super(message);
    }
}
