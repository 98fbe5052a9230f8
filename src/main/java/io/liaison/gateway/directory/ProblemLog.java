package io.liaison.gateway.directory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Problems found in one directory file so far; validation keeps going so the operator sees them all at once. */
final class ProblemLog {
    private final Path file;
    private final List<DirectoryProblem> problems = new ArrayList<>();

    ProblemLog(Path file) {
        this.file = file;
    }

    void add(String entry, String field, String reason) {
        problems.add(new DirectoryProblem(file, entry, field, reason));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    DirectoryException toException() {
        return new DirectoryException(file, problems);
    }
}
