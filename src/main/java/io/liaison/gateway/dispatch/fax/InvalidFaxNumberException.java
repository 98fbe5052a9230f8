package io.liaison.gateway.dispatch.fax;

/** A fax number or subaddress the gateway will not dial: the message says what is wrong with it. */
public final class InvalidFaxNumberException extends IllegalArgumentException {
    public InvalidFaxNumberException(String message) {
        super(message);
    }
}
