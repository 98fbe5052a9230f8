package io.liaison.gateway.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.testing.GatewayHarness;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseScenarioRunsOnTheRealChainTest {
    private static final Path SCENARIO = Path.of("keys-sample/exercises/power-scenario-a.yaml");

    @TempDir
    Path work;

    @Test
    void scenarioTrafficIsMarkedEverywhereAndTheReportSaysWhoConfirmedHowFast() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway g = h.gateway();
            ExerciseRunner runner = new ExerciseRunner(g.exerciseChain(),
                    at -> h.clock.advance(Duration.between(h.clock.instant(), at).isNegative() ? Duration.ZERO
                            : Duration.between(h.clock.instant(), at)), true);

            ExerciseReport report = runner.run(new ScenarioParser().parse(SCENARIO));
            String text = report.render(g.zone());

            for (StoredNotice n : g.store().notices()) {
                assertTrue(n.exercise(), n.reference());
                assertTrue(n.reference().startsWith("NISC-EXERCISE-EW-"), n.reference());
            }
            for (MimeMessage m : h.mail().getReceivedMessages()) {
                assertTrue(m.getSubject().startsWith("[DEMO / デモ] [EXERCISE / 演習] "), m.getSubject());
            }
            // the test gateway runs in demo mode: every SMS starts "DEMO / デモ ", then the exercise marking
            assertTrue(h.smsc.received().stream().allMatch(s -> s.text().startsWith("DEMO / デモ ")), h.smsc.received().toString());
            assertTrue(h.smsc.received().stream().map(s -> s.text().substring("DEMO / デモ ".length()))
                    .filter(t -> !t.startsWith("受付")).allMatch(t -> t.startsWith("EXERCISE / 演習") || !t.contains("NISC-")),
                    "every notice SMS starts with the exercise marking: " + h.smsc.received());
            assertTrue(text.contains("east-power by east-power-soc via sms-reply after 5m"), text);
            assertTrue(text.contains("meti by meti-liaison via cli after 12m"), text);
            assertTrue(text.contains("power-ceptoar: step 1 "), "the CEPTOAR's silence past the urgent deadline escalated:\n" + text);
            assertTrue(text.contains("3 of 3 expected replies met"), text);
            assertEquals(2, report.notices().size());
        }
    }

    @Test
    void aScenarioCannotSendRealTraffic() throws Exception {
        Path bad = work.resolve("bad.yaml");
        Files.writeString(bad, """
                scenario: s
                notices:
                  - at: 0m
                    notice:
                      kind: provision
                      exercise: false
                      level: TLP:GREEN
                      from: nisc-duty
                      title: t
                      body: b
                      target: {sectors: [gas]}
                replies:
                  - at: soon
                    from: x
                    acknowledges: 3
                    via: pigeon
                """);

        ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioParser().parse(bad));

        assertTrue(e.getMessage().contains("notices[1].notice: says exercise: false"), e.getMessage());
        assertTrue(e.getMessage().contains("replies[1].at: \"soon\" is not a time offset"), e.getMessage());
        assertTrue(e.getMessage().contains("replies[1].acknowledges: the number of a notice of this scenario (1 to 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("replies[1].via: \"pigeon\" is not one of sms, email, cli"), e.getMessage());
    }
}
