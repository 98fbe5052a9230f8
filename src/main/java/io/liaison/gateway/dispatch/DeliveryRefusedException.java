package io.liaison.gateway.dispatch;

/**
 * The gateway itself will not send this delivery (fail closed): for example the certificate became
 * unusable after the notice was accepted. Never retried; the reason is stored.
 */
public final class DeliveryRefusedException extends Exception {
    public DeliveryRefusedException(String reason) {
        super(reason);
    }
}
