package io.liaison.gateway.compose;

/** A message could not be protected. Messages name certificates by fingerprint and never carry content or secrets. */
public class ProtectionException extends Exception {

    public ProtectionException(String message) {
        super(message);
    }

    public ProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
