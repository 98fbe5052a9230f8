package io.liaison.gateway.directory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The directory file could not be accepted. Carries every problem found, not just the first, so one
 * edit-and-reload cycle can fix them all.
 */
public final class DirectoryException extends Exception {
    private final Path file;
    private final List<DirectoryProblem> problems;

    public DirectoryException(Path file, List<DirectoryProblem> problems) {
        super(message(file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a DirectoryException needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    /** In the order found, which follows the order of the file. */
    public List<DirectoryProblem> problems() {
        return problems;
    }

    private static String message(Path file, List<DirectoryProblem> problems) {
        String header = "directory " + file + " refused: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems");
        return problems.stream().map(DirectoryProblem::describe).collect(Collectors.joining("\n  ", header + "\n  ", ""));
    }
}
