package io.liaison.gateway.inbound.format;

import java.util.List;

/** The machine-readable part is not a valid document; every problem is listed so the sender fixes it once. */
public final class FormatException extends Exception {
    private final List<String> problems;
    private final boolean limitExceeded;

    public FormatException(List<String> problems) {
        this(problems, false);
    }

    private FormatException(List<String> problems, boolean limitExceeded) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.limitExceeded = limitExceeded;
    }

    /** The document was refused unread because it exceeds a limit (depth, aliases, length of a number or string, size). */
    public static FormatException limit(String problem) {
        return new FormatException(List.of(problem), true);
    }

    public List<String> problems() {
        return problems;
    }

    /** True when a limit, not the content, refused it; the problem names the limit's setting. */
    public boolean limitExceeded() {
        return limitExceeded;
    }
}
