package io.liaison.gateway.directory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a directory reload did: the new directory put in force whole, or refused whole with every problem
 * found (file, entry, field, reason) while the old one stays in force.
 *
 * @param organisations   in the directory in force afterwards
 * @param pointsOfContact in the directory in force afterwards
 */
public record ReloadReport(boolean accepted, Path file, List<DirectoryProblem> problems, int organisations,
                           int pointsOfContact) {
    public ReloadReport {
        problems = List.copyOf(problems);
        if (accepted != problems.isEmpty()) {
            throw new IllegalArgumentException("an accepted reload has no problems; a refused one names at least one");
        }
    }

    /** What an operator reads: one line, then one line per problem. */
    public String describe() {
        if (accepted) {
            return "directory " + file + " reloaded: " + organisations + " organisations, " + pointsOfContact
                    + " points of contact now in force";
        }
        return problems.stream().map(DirectoryProblem::describe).collect(Collectors.joining("\n  ",
                "directory " + file + " refused whole, the directory in force is unchanged (" + organisations
                        + " organisations, " + pointsOfContact + " points of contact): " + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems") + "\n  ", ""));
    }
}
