package io.liaison.gateway.application;

/**
 * A login, token holder or {@code --as} name the directory does not know: nobody is resolved, nothing
 * is done. The message names what was presented, never a secret.
 */
public final class UnknownActorException extends RuntimeException {
    public UnknownActorException(String message) {
        super(message);
    }
}
