package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.GatewayHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a liaison and a CEPTOAR coordinator use it, against real SMTP and SMPP peers. */
class CommandLineSendForwardStatusTest {
    @TempDir
    Path work;

    @Test
    void sendForwardAndStatusWorkFromTheCommandLine() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Path config = work.resolve("gateway.properties");
            try (var w = Files.newBufferedWriter(config)) {
                h.overrides().store(w, "test");
            }
            String c = config.toString();

            String sent = run("send", "keys-sample/notices/provision-power.yaml", "--config", c);
            assertTrue(sent.contains("accepted NISC-PR3-"), sent);
            String ref = sent.substring(sent.indexOf("NISC-PR3-"), sent.indexOf("NISC-PR3-") + "NISC-PR3-2026-00001".length());

            String forwarded = run("forward", ref, "--as", "meti-liaison", "--to", "power-ceptoar", "--config", c);
            assertTrue(forwarded.contains("forwarded " + ref + ": 2 deliveries, 0 refused"), forwarded);

            String relayed = run("forward", ref, "--as", "power-ceptoar-duty", "--to-members", "--config", c);
            assertTrue(relayed.contains("2 deliveries, 3 refused"), relayed);

            String status = run("status", ref, "--config", c);
            assertTrue(status.contains("forward by meti-liaison (meti) -> power-ceptoar"), status);
            assertTrue(status.contains("forward by power-ceptoar-duty (power-ceptoar) -> east-power"), status);
            assertTrue(status.contains("island-power (forward by power-ceptoar): no handling agreement with power-ceptoar"), status);
            assertTrue(status.contains("Totals: 6 sent, 0 pending, 0 sending, 0 failed, 3 refused"), status);
            assertEquals(3, h.mail().getReceivedMessages().length);
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.setOut(previous);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        return text;
    }
}
