package io.liaison.gateway.deployment;

/** {@code init} refused to write a deployment folder; the message names the folder or option and why. Nothing was written. */
public final class DeploymentRefusedException extends RuntimeException {
    public DeploymentRefusedException(String message) {
        super(message);
    }
}
