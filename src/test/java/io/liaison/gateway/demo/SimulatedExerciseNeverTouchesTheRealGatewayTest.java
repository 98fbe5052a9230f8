package io.liaison.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.exercise.ExerciseReport;
import io.liaison.gateway.exercise.ScenarioParser;
import io.liaison.gateway.store.DeliveryState;
import io.liaison.gateway.testing.GatewayHarness;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "exercise run --simulated" on a production configuration: the rehearsal runs on a throw-away gateway.
 * The real gateway (running beside it on the same settings) keeps its clock and its ledger, and the
 * real mail server and SMSC (here the harness's) receive nothing.
 */
class SimulatedExerciseNeverTouchesTheRealGatewayTest {
    private static final Path SCENARIO = Path.of("keys-sample/exercises/power-scenario-a.yaml");

    @TempDir
    Path work;

    @Test
    void aSimulatedRunSendsNothingRealAndLeavesTheRealGatewaysClockAndLedgerAlone() throws Exception {
        try (GatewayHarness h = GatewayHarness.start(work)) {
            Gateway real = h.gateway();
            Instant before = h.clock.instant();

            ExerciseReport report = SimulatedExercise.run(h.settings(), new ScenarioParser().parse(SCENARIO));

            assertTrue(report.notices().size() >= 1);
            for (ExerciseReport.NoticeResult n : report.notices()) {
                assertTrue(n.status().count(DeliveryState.SENT) > 0, "the rehearsal delivered to its own peers: " + n.status().deliveries());
            }
            assertEquals(before, h.clock.instant(), "the real gateway's clock did not move");
            assertTrue(real.store().notices().isEmpty(), "nothing was recorded in the real ledger: " + real.store().notices());
            assertEquals(0, h.mail().getReceivedMessages().length, "the real mail server received nothing");
            assertEquals(0, h.smsc.received().size(), "the real SMSC received nothing");
        }
    }
}
