package io.liaison.gateway.application;

import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place a use case is authorised and audited: it asks {@link Authorisation}, writes one audit
 * entry once the answer and the outcome are known — {@code action.refused} for a refusal (by the
 * table, NOT_FOUND, or a rule of the use case), {@code action.performed} for an action done — and
 * throws {@link ActionRefusedException} on refusal. Reads that succeed are not written (the console
 * refreshes them every few seconds); reads refused are.
 */
final class Guard {
    private final Authorisation authorisation;
    private final AuditLog audit;

    Guard(Authorisation authorisation, AuditLog audit) {
        this.authorisation = authorisation;
        this.audit = audit;
    }

    /** Work that may throw a domain refusal; it is audited as refused and passed on. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Checks the table; on refusal audits and throws. */
    void require(Actor actor, Action action, String subject) {
        verdict(actor, action, subject, authorisation.decide(actor, action), "");
    }

    /** Checks the table and the subject's visibility to the actor's organisation; on refusal audits and throws. */
    void require(Actor actor, Action action, String subject, boolean visible) {
        verdict(actor, action, subject, authorisation.decide(actor, action, visible), "");
    }

    /** A rule of the use case refused an otherwise allowed action (four eyes, the sender is not the actor). */
    ActionRefusedException refuse(Actor actor, Action action, String subject, ActionRefusedException.Rule rule, String why) {
        auditRefusal(actor, action, subject, Verdict.FORBIDDEN, why);
        return new ActionRefusedException(actor, action, subject, Verdict.FORBIDDEN, rule, why);
    }

    /**
     * The subject does not exist: the actor passed the table first (so this reveals nothing the role may not
     * read), the refusal is audited and returned as NOT_FOUND with its hint.
     */
    ActionRefusedException notFound(Actor actor, Action action, String subject, String why) {
        auditRefusal(actor, action, subject, Verdict.NOT_FOUND, why);
        return new ActionRefusedException(actor, action, subject, Verdict.NOT_FOUND, why);
    }

    private void verdict(Actor actor, Action action, String subject, Verdict verdict, String why) {
        if (verdict != Verdict.ALLOWED) {
            auditRefusal(actor, action, subject, verdict, why);
            throw new ActionRefusedException(actor, action, subject, verdict, why);
        }
    }

    /** Runs an allowed action, audits its outcome (or its domain refusal) once, and returns the result. */
    <T> T perform(Actor actor, Action action, String reference, Work<T> work, Function<T, Map<String, String>> outcome) {
        T result;
        try {
            result = work.run();
        } catch (RuntimeException e) {
            auditRefusal(actor, action, reference, Verdict.FORBIDDEN, e.getMessage());
            throw e;
        } catch (Exception e) {
            auditRefusal(actor, action, reference, Verdict.FORBIDDEN, e.getMessage());
            throw new IllegalStateException(action.description() + " failed: " + e.getMessage(), e);
        }
        Map<String, String> details = base(actor, action);
        details.putAll(outcome.apply(result));
        audit.record(actor.auditRef(), AuditAction.ACTION_PERFORMED, blankToNull(reference), details);
        return result;
    }

    private void auditRefusal(Actor actor, Action action, String subject, Verdict verdict, String why) {
        Map<String, String> details = base(actor, action);
        details.put("verdict", verdict.name());
        if (why != null && !why.isBlank()) {
            details.put("why", why.length() > 500 ? why.substring(0, 500) : why);
        }
        // a NOT_FOUND subject is written to the trail (the auditor may see it), never shown to the actor
        audit.record(actor.auditRef(), AuditAction.ACTION_REFUSED, blankToNull(subject), details);
    }

    private static Map<String, String> base(Actor actor, Action action) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", action.code());
        details.put("via", actor.via().name());
        if (!actor.isGateway()) {
            details.put("role", actor.role().yamlName());
        }
        if (actor.via() == Via.CLI_LOCAL_ADMIN) {
            // who had the shell: the local administrator acting as the point of contact
            details.put("host-user", System.getProperty("user.name", "?"));
        }
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    Authorisation authorisation() {
        return authorisation;
    }
}
