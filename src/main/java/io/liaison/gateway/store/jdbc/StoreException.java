package io.liaison.gateway.store.jdbc;

/** The database refused or failed a statement; the transaction was rolled back, nothing half-written. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
