package io.liaison.gateway.intake;

import java.util.List;

/** Bad input: the whole notice is refused, nothing stored, nothing sent. Lists every problem found. */
public final class NoticeRejectedException extends RuntimeException {
    private final String source;
    private final List<String> problems;

    public NoticeRejectedException(String source, List<String> problems) {
        super(source + ": notice refused:\n  - " + String.join("\n  - ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
