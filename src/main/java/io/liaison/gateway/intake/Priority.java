package io.liaison.gateway.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Importance of a notice; orders numbering series and (later) acknowledgement deadlines. */
public enum Priority {
    URGENT(1), HIGH(2), NORMAL(3), LOW(4);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.yamlName().equals(text)).findFirst();
    }
}
