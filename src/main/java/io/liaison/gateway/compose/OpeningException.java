package io.liaison.gateway.compose;

/** A protected message could not be opened: not PGP/MIME, not for our key, or damaged. */
public final class OpeningException extends Exception {

    public OpeningException(String message) {
        super(message);
    }

    public OpeningException(String message, Throwable cause) {
        super(message, cause);
    }
}
