package io.liaison.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.architecture.ClassReferences;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The PostgreSQL leg runs a test that reaches the database through a fixture, and skips one that reaches none. */
class PostgreSqlLegPicksTheTestsThatReachADatabaseTest {

    @Test
    void aTestOnTheGatewayHarnessRunsAndAPureParserTestIsSkipped() throws Exception {
        assertTrue(DatabaseTestsOnly.reachesDatabase(Class.forName("io.liaison.gateway.track.BadSmsRepliesAreRejectedAndRecordNothingTest")),
                "through GatewayHarness");
        assertTrue(DatabaseTestsOnly.reachesDatabase(Class.forName("io.liaison.gateway.inbound.corpus.HostileCorpusTest")),
                "through CorpusGateway");
        assertFalse(DatabaseTestsOnly.reachesDatabase(Class.forName("io.liaison.gateway.marking.SmsTextKeepsLevelReferenceAndCodeWithinTheCapTest")));

        Path root = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        int tests = 0;
        int reaching = 0;
        for (Path f : ClassReferences.classFiles(root)) {
            String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
            if (name.endsWith("Test") && !name.contains("$")) {
                tests++;
                if (DatabaseTestsOnly.reachesDatabase(Class.forName(name, false, getClass().getClassLoader()))) {
                    reaching++;
                }
            }
        }
        System.out.println("PostgreSQL leg: " + reaching + " of " + tests + " test classes reach a database");
        assertTrue(reaching > 20 && reaching < tests, reaching + " of " + tests);
    }
}
