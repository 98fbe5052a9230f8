package io.liaison.gateway.application;

import java.util.Optional;

/** What a confirmation came to: accepted or not, the notice it counted for, and the gateway's words. */
public record ConfirmationResult(boolean accepted, Optional<String> reference, String message) {
}
