package io.liaison.gateway.track.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.track.EscalationAction;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationPolicyReadsStepsDeadlinesAndRepeatsTest {

    private static EscalationPolicy policy(Map<String, String> settings) {
        return EscalationPolicy.from(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void stepsRunInOrderAndTheSequenceRepeats() {
        Map<String, String> s = new HashMap<>(Map.of("gateway.escalation.steps", "resend, duty-officer",
                "gateway.escalation.urgent.deadline", "5m", "gateway.escalation.urgent.step-delay", "2m",
                "gateway.escalation.urgent.repeat", "2", "gateway.escalation.low.deadline", "off",
                "gateway.escalation.duty-poc", "nisc-night"));
        EscalationPolicy p = policy(s);

        assertEquals(new EscalationPolicy.Timing(Duration.ofMinutes(5), Duration.ofMinutes(2), 2), p.timing(Priority.URGENT).orElseThrow());
        assertEquals(6, p.totalSteps(Priority.URGENT));
        assertEquals(List.of(EscalationAction.RESEND, EscalationAction.DUTY_OFFICER, EscalationAction.RESEND,
                EscalationAction.DUTY_OFFICER), List.of(p.action(1), p.action(2), p.action(3), p.action(4)));
        assertTrue(p.timing(Priority.LOW).isEmpty(), "off: never escalated");
        assertTrue(p.timing(Priority.HIGH).isEmpty(), "no deadline: never escalated");
        assertEquals(0, p.totalSteps(Priority.LOW));
        assertEquals("nisc-night", p.dutyPoc());
    }

    @Test
    void unusableSettingsAreRefusedNamingTheSetting() {
        IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
                () -> policy(Map.of("gateway.escalation.steps", "resend,phone-home")));
        assertTrue(step.getMessage().contains("gateway.escalation.steps") && step.getMessage().contains("phone-home"));
        IllegalArgumentException deadline = assertThrows(IllegalArgumentException.class,
                () -> policy(Map.of("gateway.escalation.high.deadline", "soon")));
        assertTrue(deadline.getMessage().contains("gateway.escalation.high.deadline"));
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of("gateway.escalation.high.deadline", "10m",
                "gateway.escalation.high.repeat", "-1")));
    }
}
