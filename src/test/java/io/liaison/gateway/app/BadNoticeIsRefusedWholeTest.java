package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadNoticeIsRefusedWholeTest {
    private static final String GOOD = """
            kind: early-warning
            level: TLP:AMBER
            from: nisc-duty
            title: A title
            body: Some text.
            target:
              sectors: [electric-power]
            """;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed YAML          | 'title: A title'                       | 'title: [unclosed'                     | not valid YAML at line",
        "unknown sector          | 'sectors: [electric-power]'            | 'sectors: [nuclear]'                   | target.sectors: unknown sector \"nuclear\"",
        "unknown organisation    | 'sectors: [electric-power]'            | 'organisations: [acme]'                | target.organisations: unknown organisation \"acme\"",
        "missing title           | 'title: A title'                       | ''                                     | title: required",
        "TLP 1.0 label           | 'level: TLP:AMBER'                     | 'level: TLP:WHITE'                     | replaced TLP:WHITE with TLP:CLEAR",
        "not a TLP label         | 'level: TLP:AMBER'                     | 'level: AMBER'                         | level: \"AMBER\" is not a TLP 2.0 label",
        "sender outside NISC     | 'from: nisc-duty'                      | 'from: east-power-soc'                 | early warnings originate at NISC",
        "unknown field           | 'body: Some text.'                     | 'body: Some text.\nurgency: now'       | urgency: unknown field",
    })
    void refusedWithAReasonNothingStoredNothingSent(String name, String from, String to, String expected) throws Exception {
        String yaml = GOOD.replace(from, to.replace("\\n", "\n"));
        try (GatewayHarness h = GatewayHarness.start(work)) {
            NoticeRejectedException e = assertThrows(NoticeRejectedException.class,
                    () -> h.gateway().send(Notices.of("bad.yaml", yaml)));

            assertTrue(e.getMessage().startsWith("bad.yaml: notice refused"), e.getMessage());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertTrue(h.gateway().store().notices().isEmpty(), "nothing stored");
            assertEquals(0, h.gateway().store().deadLetterCount(), "bad input is the sender's to fix, not a dead letter");
            h.gateway().dispatchNow();
            assertEquals(0, h.mail().getReceivedMessages().length);
            assertEquals(0, h.smsc.received().size());
        }
    }

    @Test
    void commandLineExitsTwoAndNamesTheProblem() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Path config = work.resolve("gateway.properties");
            Properties p = h.overrides();
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "test");
            }
            Path notice = work.resolve("notice.yaml");
            Files.writeString(notice, GOOD.replace("level: TLP:AMBER", "level: TLP:PURPLE"));

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream previous = System.err;
            int code;
            try {
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = Main.run("send", notice.toString(), "--config", config.toString());
            } finally {
                System.setErr(previous);
            }

            assertEquals(2, code);
            String message = err.toString(StandardCharsets.UTF_8);
            assertTrue(message.contains("refused: " + notice + ": notice refused"), message);
            assertTrue(message.contains("level: \"TLP:PURPLE\" is not a TLP 2.0 label"), message);
        }
    }
}
