package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 asks for a test per audit kind: every kind the production code appends ({@code AuditAction.X} in
 * src/main/java) must be named by some test, by constant or by its dotted verb in quotes. A kind added to the
 * code without a test that asserts its entry fails here, naming it.
 */
class EveryKindTheCodeAppendsIsNamedInATestTest {
    private static final Pattern KIND = Pattern.compile("AuditAction\\.([A-Z][A-Z_]+)\\b");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TESTS = Path.of("src/test/java");

    @Test
    void everyAppendedKindIsAssertedSomewhere() throws IOException {
        Set<AuditAction> appended = new TreeSet<>();
        for (Path source : javaFiles(MAIN)) {
            if (source.startsWith(MAIN.resolve("io/liaison/gateway/audit/AuditAction.java"))) {
                continue;
            }
            Matcher m = KIND.matcher(Files.readString(source));
            while (m.find()) {
                appended.add(AuditAction.valueOf(m.group(1)));
            }
        }
        StringBuilder tests = new StringBuilder();
        for (Path test : javaFiles(TESTS)) {
            if (!test.getFileName().toString().equals(getClass().getSimpleName() + ".java")) {
                tests.append(Files.readString(test)).append('\n');
            }
        }
        String all = tests.toString();
        Set<AuditAction> untested = new TreeSet<>();
        for (AuditAction kind : appended) {
            if (!all.contains("AuditAction." + kind.name()) && !all.contains("\"" + kind.verb() + "\"")) {
                untested.add(kind);
            }
        }
        assertEquals(Set.of(), untested, "kinds the code appends that no test names");
    }

    private static java.util.List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
