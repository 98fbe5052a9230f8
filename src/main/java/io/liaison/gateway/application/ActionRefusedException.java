package io.liaison.gateway.application;

import java.util.Objects;

/**
 * An actor was refused an action: FORBIDDEN (the table does not allow it) or NOT_FOUND (the subject,
 * say a notice, does not exist for the actor's organisation: its existence is not revealed). Or the
 * action was allowed but its subject broke a rule of the use case (four eyes); the message says which.
 */
public final class ActionRefusedException extends RuntimeException {
    /**
     * Which rule refused: the authorisation table (by role), or a rule of the use case. A door names it in its
     * own language (the console in Japanese); the message stays the English one the audit trail keeps.
     */
    public enum Rule {
        /** The role may not do this at all (the authorisation table). */
        ROLE,
        /** Four eyes: whoever proposed a re-share may neither approve nor reject it. */
        FOUR_EYES,
        /** Only NISC records a confirmation for another point of contact. */
        ON_BEHALF_NISC_ONLY,
        /** A person sends only as the point of contact they act for. */
        OWN_SENDER;

        /** {@code four-eyes}: the key a door's messages use. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final transient Actor actor;
    private final Action action;
    private final String subject;
    private final Verdict verdict;
    private final Rule rule;

    public ActionRefusedException(Actor actor, Action action, String subject, Verdict verdict, String why) {
        this(actor, action, subject, verdict, Rule.ROLE, why);
    }

    public ActionRefusedException(Actor actor, Action action, String subject, Verdict verdict, Rule rule, String why) {
        super(message(actor, action, subject, verdict, why));
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = Objects.requireNonNull(action, "action");
        this.subject = subject == null ? "" : subject;
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.rule = Objects.requireNonNull(rule, "rule");
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

    public Rule rule() {
        return rule;
    }
}
