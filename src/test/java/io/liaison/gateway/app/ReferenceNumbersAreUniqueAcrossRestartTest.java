package io.liaison.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceNumbersAreUniqueAcrossRestartTest {
    @TempDir
    Path work;

    @Test
    void numbersContinueAfterARestartAndExercisesHaveTheirOwnSeries() throws Exception {
        List<String> refs = new ArrayList<>();
        try (GatewayHarness h = GatewayHarness.start(work)) {
            refs.add(h.gateway().send(Notices.earlyWarning()).reference());
            refs.add(h.gateway().send(Notices.earlyWarning()).reference());
            h.stopGateway();
            refs.add(h.gateway().send(Notices.earlyWarning()).reference());
            String provision = h.gateway().send(Notices.provision()).reference();
            String exercise = h.gateway().send(Notices.of("exercise.yaml", """
                    kind: early-warning
                    level: TLP:GREEN
                    exercise: true
                    from: nisc-duty
                    title: 演習 scenario 1
                    body: This is an exercise.
                    target:
                      sectors: [electric-power]
                    """)).reference();

            assertEquals(List.of("NISC-EW-2026-00001", "NISC-EW-2026-00002", "NISC-EW-2026-00003"), refs);
            assertEquals(3, new HashSet<>(refs).size());
            assertEquals("NISC-PR3-2026-00001", provision);
            assertEquals("NISC-EXERCISE-EW-2026-00001", exercise);
            assertTrue(h.gateway().store().notice(exercise).orElseThrow().exercise());
        }
    }
}
