package io.liaison.gateway.testing;

import io.liaison.gateway.architecture.ClassReferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL leg of {@code mvn test} runs the tests that reach a database and skips the rest, which would
 * only repeat the H2 leg. A test class reaches a database when its compiled code, or a test fixture it uses
 * (followed through the test classes, nested ones included), refers to the gateway, the {@link TestDatabase}
 * or the store's {@code Database}: read from the constant pools, so a new test needs no tag to be included.
 * Active only where {@code -Dliaison.test.database=postgresql} is set (registered by the pom's PostgreSQL
 * execution through JUnit's extension auto-detection).
 */
public final class DatabaseTestsOnly implements ExecutionCondition {
    private static final Set<String> DATABASE_DOORS = Set.of(
            "io/liaison/gateway/app/Gateway",
            "io/liaison/gateway/store/jdbc/Database",
            "io/liaison/gateway/testing/TestDatabase",
            "io/liaison/gateway/testing/PostgreSqlCluster");
    private static final Map<Class<?>, Boolean> VERDICTS = new ConcurrentHashMap<>();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!PostgreSqlCluster.selected() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("not the PostgreSQL leg");
        }
        Class<?> top = context.getTestClass().get();
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return VERDICTS.computeIfAbsent(top, DatabaseTestsOnly::reachesDatabase)
                ? ConditionEvaluationResult.enabled("reaches the database")
                : ConditionEvaluationResult.disabled("reaches no database: the H2 leg has run it");
    }

    static boolean reachesDatabase(Class<?> testClass) {
        Path root;
        try {
            root = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return true; // cannot tell: run it rather than miss it
        }
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(testClass.getName().replace('.', '/'));
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!seen.add(name)) {
                continue;
            }
            Path file = root.resolve(name + ".class");
            if (!Files.isRegularFile(file)) {
                continue; // a main or library class: only the doors above count
            }
            for (String ref : ClassReferences.of(file)) {
                if (DATABASE_DOORS.contains(ref)) {
                    return true;
                }
                if (ref.startsWith("io/liaison/gateway/")) {
                    todo.add(ref);
                }
            }
            // nested classes of a test class (its @Nested cases, helpers) are in files of their own
            String simple = name.substring(name.lastIndexOf('/') + 1);
            try (var siblings = Files.list(file.getParent())) {
                siblings.map(p -> p.getFileName().toString())
                        .filter(f -> f.startsWith(simple + "$") && f.endsWith(".class"))
                        .forEach(f -> todo.add(name.substring(0, name.lastIndexOf('/') + 1) + f.substring(0, f.length() - 6)));
            } catch (java.io.IOException e) {
                return true;
            }
        }
        return false;
    }
}
