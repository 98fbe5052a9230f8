package io.liaison.gateway.directory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a directory file, located precisely enough that whoever edits the YAML can go
 * straight to it.
 *
 * @param file the directory file, as the caller named it
 * @param entry the entry at fault, e.g. {@code points_of_contact[east-power-soc]}; null for the file as a whole
 * @param field the field within the entry, e.g. {@code channels[1].sms}; null for the entry as a whole
 * @param reason what is wrong and, where it helps, how to fix it
 */
public record DirectoryProblem(Path file, String entry, String field, String reason) {

    public DirectoryProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /** Where the problem is, without the file: {@code entry.field}, {@code entry}, or empty. */
    public String location() {
        if (entry == null) {
            return field == null ? "" : field;
        }
        return field == null ? entry : entry + "." + field;
    }

    /** {@code file: entry.field: reason}, the line an operator reads in the start-up log. */
    public String describe() {
        String where = location();
        return where.isEmpty() ? file + ": " + reason : file + ": " + where + ": " + reason;
    }

    @Override
    public String toString() {
        return describe();
    }
}
