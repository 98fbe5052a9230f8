package io.liaison.gateway.application;

import java.util.List;

/**
 * A filed report is not a valid document: every problem, each starting with the field it names
 * ({@code contact.person: required …}), so a form or a problem detail can point at it. Nothing was stored.
 */
public final class IncidentReportRejectedException extends RuntimeException {
    private final List<String> problems;

    public IncidentReportRejectedException(List<String> problems) {
        super(String.join("; ", problems) + "; nothing was stored");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** The field the first problem names ({@code contact.person}), or {@code document} when none is named. */
    public String field() {
        String first = problems.isEmpty() ? "" : problems.get(0);
        int colon = first.indexOf(": ");
        return colon > 0 && !first.substring(0, colon).contains(" ") ? first.substring(0, colon) : "document";
    }
}
