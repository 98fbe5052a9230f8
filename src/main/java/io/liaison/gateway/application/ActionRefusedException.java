package io.liaison.gateway.application;

import java.util.Objects;

/**
 * An actor was refused an action: FORBIDDEN (the table does not allow it) or NOT_FOUND (the subject,
 * say a notice, does not exist for the actor's organisation: its existence is not revealed). Or the
 * action was allowed but its subject broke a rule of the use case (four eyes); the message says which.
 */
public final class ActionRefusedException extends RuntimeException {
    private final transient Actor actor;
    private final Action action;
    private final String subject;
    private final Verdict verdict;

    public ActionRefusedException(Actor actor, Action action, String subject, Verdict verdict, String why) {
        super(message(actor, action, subject, verdict, why));
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = Objects.requireNonNull(action, "action");
        this.subject = subject == null ? "" : subject;
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.ALLOWED) {
            throw new IllegalArgumentException("an allowed action is not refused");
        }
    }

    private static String message(Actor actor, Action action, String subject, Verdict verdict, String why) {
        String what = action.description() + (subject == null || subject.isBlank() ? "" : " " + subject);
        return switch (verdict) {
            case NOT_FOUND -> "not found: " + (subject == null || subject.isBlank() ? action.description() : subject)
                    + (why == null || why.isBlank() ? "" : " (" + why + ")");
            default -> actor + " may not " + what + (why == null || why.isBlank() ? "" : ": " + why);
        };
    }

    public Actor actor() {
        return actor;
    }

    public Action action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public Verdict verdict() {
        return verdict;
    }
}
