package io.liaison.gateway.reshare;

/**
 * One thing removed from the report or generalised, as the approver is shown it.
 *
 * @param field where in the report it was, e.g. {@code affected_system.hardware} or {@code contact.means[0].phone}
 */
public record Redaction(String field, IdentifierKind kind, String original, String replacement) {

    /** One line of the diff-like list: {@code notes: "10.0.0.5" → "[IP address]"}. */
    public String line() {
        return field + ": \"" + original.replaceAll("\\p{Cntrl}", " ") + "\" → " + (kind == IdentifierKind.OMITTED
                ? replacement : "\"" + replacement + "\"") + "   (" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")";
    }
}
