package io.liaison.gateway.inbound.format;

import java.util.List;

/** The machine-readable part is not a valid document; every problem is listed so the sender fixes it once. */
public final class FormatException extends Exception {
    private final List<String> problems;

    public FormatException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
