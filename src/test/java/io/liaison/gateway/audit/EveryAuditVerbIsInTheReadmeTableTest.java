package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An auditor reads the README's "What is recorded" table to know what the trail can hold: every verb the
 * gateway can write is in it, so a new kind of entry cannot arrive unexplained.
 */
class EveryAuditVerbIsInTheReadmeTableTest {
    @Test
    void everyVerbOfAuditActionIsNamedInTheTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("**What is recorded**");
        int end = readme.indexOf("**The chain.**", start);
        assertTrue(start >= 0 && end > start, "README has the table between **What is recorded** and **The chain.**");
        String table = readme.substring(start, end);
        List<String> missing = Arrays.stream(AuditAction.values()).map(AuditAction::verb)
                .filter(v -> !table.contains("`" + v + "`")).toList();
        assertEquals(List.of(), missing, "verbs the gateway writes but the README's audit table does not explain");
    }
}
