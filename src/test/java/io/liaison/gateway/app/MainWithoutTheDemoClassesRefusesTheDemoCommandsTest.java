package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What liaison-gateway-server.jar does when asked for demo or bench: one clear line and exit 2. */
class MainWithoutTheDemoClassesRefusesTheDemoCommandsTest {
    @Test
    void anAbsentDemoCommandAnswersWithTheArtifactToUseAndExitsTwo() {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("demo", DemoOnly.commandOrStandIn("io.liaison.gateway.demo.NotShippedHere"));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = cli.execute("demo", "--out", "demo-out");
        } finally {
            System.setErr(err);
        }
        assertEquals(2, exit);
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("not in this artifact: use liaison-gateway.jar for the demo"),
                captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPresentDemoCommandIsTheRealOne() {
        assertEquals("io.liaison.gateway.demo.DemoCommand",
                DemoOnly.commandOrStandIn(DemoOnly.DEMO_COMMAND).getClass().getName());
    }
}
