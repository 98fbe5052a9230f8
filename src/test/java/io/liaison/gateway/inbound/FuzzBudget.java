package io.liaison.gateway.inbound;

/**
 * How long one fuzz target fuzzes when JAZZER_FUZZ is set (Jazzer reads it from the annotation, so it
 * is a constant). Without JAZZER_FUZZ the targets only replay their saved inputs.
 */
public final class FuzzBudget {
    /** The long run: docs/fuzzing.md. */
    public static final String DURATION = "10m";

    private FuzzBudget() {
    }
}
