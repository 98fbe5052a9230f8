package io.liaison.gateway.audit;

import java.util.List;

/**
 * What verifying a trail found: the entries and checkpoints checked, and the problems in chain order
 * (empty when intact). The first problem names the first entry changed, removed, inserted or moved,
 * or the forged checkpoint.
 */
public record ChainVerdict(long entries, long checkpoints, long lastSequence, List<String> problems) {
    public ChainVerdict {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** One line for the operator. */
    public String summary() {
        if (intact()) {
            return "intact: " + entries + " entries" + (entries > 0 ? " up to #" + lastSequence : "") + ", " + checkpoints
                    + " signed checkpoint" + (checkpoints == 1 ? "" : "s");
        }
        return "NOT intact: " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem"
                + (problems.size() > 2 ? "s" : "") + ")" : "");
    }
}
