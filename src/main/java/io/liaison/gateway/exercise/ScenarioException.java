package io.liaison.gateway.exercise;

/** A scenario file that cannot be run; the message names the file and every problem. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }
}
