package io.liaison.gateway.track.escalation;

import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.track.EscalationAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * When and how the gateway chases a recipient organisation that has not confirmed: per priority a
 * deadline for the first step, a wait between steps, and how often the whole sequence repeats (as in
 * GoAlert's escalation policies); the steps themselves, and who the duty officer is.
 *
 * @param steps   in order, e.g. resend, standby, duty-officer
 * @param timings per priority; a priority without one is never escalated
 * @param dutyPoc the gateway's duty officer, alerted by the duty-officer step
 */
public record EscalationPolicy(List<EscalationAction> steps, Map<Priority, Timing> timings, String dutyPoc) {

    /**
     * @param deadline  from the notice being stored for the organisation to the first step
     * @param stepDelay from one step to the next
     * @param repeat    how many more times the whole sequence runs after its last step (0 = once)
     */
    public record Timing(Duration deadline, Duration stepDelay, int repeat) {
        public Timing {
            if (deadline.isNegative() || deadline.isZero() || stepDelay.isNegative() || stepDelay.isZero()) {
                throw new IllegalArgumentException("escalation deadline and step delay must be positive");
            }
            if (repeat < 0 || repeat > 100) {
                throw new IllegalArgumentException("escalation repeat must be 0..100, was " + repeat);
            }
        }
    }

    public EscalationPolicy {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("gateway.escalation.steps names no step");
        }
        steps = List.copyOf(steps);
        timings = Map.copyOf(timings);
    }

    public Optional<Timing> timing(Priority priority) {
        return Optional.ofNullable(timings.get(priority));
    }

    /** Steps taken in all for a notice of this priority. */
    public int totalSteps(Priority priority) {
        return timing(priority).map(t -> steps.size() * (t.repeat() + 1)).orElse(0);
    }

    /** What step {@code stepNo} (1-based) does: the sequence, over again on each repeat. */
    public EscalationAction action(int stepNo) {
        return steps.get((stepNo - 1) % steps.size());
    }

    /**
     * Reads {@code gateway.escalation.*}: {@code steps}, {@code duty-poc}, and per priority
     * {@code <priority>.deadline} (a duration like 15m, or {@code off}), {@code <priority>.step-delay},
     * {@code <priority>.repeat}.
     *
     * @throws IllegalArgumentException naming the setting that cannot be used
     */
    public static EscalationPolicy from(Function<String, Optional<String>> settings) {
        String base = "gateway.escalation.";
        List<EscalationAction> steps = new ArrayList<>();
        for (String name : settings.apply(base + "steps").orElse("resend,standby,duty-officer").split(",")) {
            if (!name.isBlank()) {
                steps.add(EscalationAction.parse(name).orElseThrow(() -> new IllegalArgumentException(
                        "setting " + base + "steps: \"" + name.strip() + "\" is not one of resend, standby, duty-officer")));
            }
        }
        Map<Priority, Timing> timings = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            String key = base + p.yamlName() + ".";
            Optional<String> deadline = settings.apply(key + "deadline");
            if (deadline.isEmpty() || deadline.get().equalsIgnoreCase("off") || deadline.get().equalsIgnoreCase("none")) {
                continue;
            }
            Duration d = duration(key + "deadline", deadline.get());
            Duration delay = duration(key + "step-delay", settings.apply(key + "step-delay").orElse(deadline.get()));
            int repeat;
            try {
                repeat = Integer.parseInt(settings.apply(key + "repeat").orElse("0"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + key + "repeat: not a whole number");
            }
            timings.put(p, new Timing(d, delay, repeat));
        }
        return new EscalationPolicy(steps, timings, settings.apply(base + "duty-poc").orElse("nisc-duty"));
    }

    private static Duration duration(String key, String text) {
        try {
            String v = text.strip();
            return Duration.parse(v.startsWith("P") ? v : "PT" + v.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting " + key + ": \"" + text + "\" is not a duration like 15m, 1h or off");
        }
    }
}
