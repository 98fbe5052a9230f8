package io.liaison.gateway.inbound;

/** Who signed a message, as established by a signature verifying against a registered certificate. */
public record VerifiedSender(String fingerprint, String pocId, String organisationId) {
}
