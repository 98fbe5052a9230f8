package io.liaison.gateway.intake;

/**
 * An update or cancellation of an earlier notice (CAP's msgType Update / Cancel with references): it
 * goes to exactly the recipients of the original and says on every channel what it supersedes.
 */
public record FollowUp(Type type, String references) {

    public enum Type {
        UPDATE("update", "U", "更新 UPDATE", "supersedes", "を更新します"),
        CANCEL("cancel", "C", "取消 CANCEL", "cancels", "を取り消します");

        private final String yamlName;
        private final String suffix;
        private final String label;
        private final String verb;
        private final String japaneseVerb;

        Type(String yamlName, String suffix, String label, String verb, String japaneseVerb) {
            this.yamlName = yamlName;
            this.suffix = suffix;
            this.label = label;
            this.verb = verb;
            this.japaneseVerb = japaneseVerb;
        }

        public String yamlName() {
            return yamlName;
        }

        /** Appended to the original reference: NISC-EW-2026-00001-U1, NISC-EW-2026-00001-C. */
        public String suffix() {
            return suffix;
        }

        public String label() {
            return label;
        }

        /** "supersedes" / "cancels", for one line every channel carries. */
        public String verb() {
            return verb;
        }

        public String japaneseVerb() {
            return japaneseVerb;
        }
    }

    /** The line shown at the top of the e-mail and in the SMS, e.g. "更新 UPDATE: supersedes NISC-EW-2026-00001". */
    public String line() {
        return type.label() + ": " + type.verb() + " " + references + " / " + references + " " + type.japaneseVerb();
    }
}
