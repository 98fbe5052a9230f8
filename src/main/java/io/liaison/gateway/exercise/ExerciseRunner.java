package io.liaison.gateway.exercise;

import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.track.ConfirmationOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs a scenario on the real chain: each notice goes through intake, policy, numbering, marking and
 * every channel as exercise traffic (its own series, "EXERCISE / 演習" everywhere); escalation runs as
 * it would; a simulated run also plays the scenario's replies. Ends with an {@link ExerciseReport}.
 */
public final class ExerciseRunner {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofMinutes(1);

    /** How the run gets from one event to the next: in real time, or by moving a simulated clock. */
    public interface Timeline {
        void waitUntil(Instant at) throws InterruptedException;
    }

    private final ExerciseChain gateway;
    private final Timeline timeline;
    private final boolean playReplies;

    public ExerciseRunner(ExerciseChain gateway, Timeline timeline, boolean playReplies) {
        this.gateway = gateway;
        this.timeline = timeline;
        this.playReplies = playReplies;
    }

    public ExerciseReport run(Scenario scenario) throws InterruptedException {
        Instant start = gateway.clock().instant();
        Map<Integer, String> references = new LinkedHashMap<>();
        Map<Scenario.ExpectedReply, ConfirmationOutcome> played = new LinkedHashMap<>();
        for (Object event : timeline(scenario)) {
            if (event instanceof Scenario.TimedNotice n) {
                advance(start.plus(n.at()), references);
                String ref = gateway.send(new NoticeFile(n.source(), exerciseYaml(n, references)));
                references.put(n.number(), ref);
                gateway.awaitSettled(ref, SETTLE);
            } else if (event instanceof Scenario.ExpectedReply r) {
                advance(start.plus(r.at()), references);
                if (playReplies && references.containsKey(r.notice())) {
                    played.put(r, gateway.acknowledge(references.get(r.notice()), r.pocId(), r.channel(),
                            gateway.clock().instant(), Optional.of("exercise reply")));
                }
            }
        }
        advance(start.plus(scenario.length()), references);
        List<ExerciseReport.NoticeResult> results = new ArrayList<>();
        for (Scenario.TimedNotice n : scenario.notices()) {
            results.add(new ExerciseReport.NoticeResult(n.number(), n.at(), gateway.status(references.get(n.number()))));
        }
        return new ExerciseReport(scenario, start, results, played, playReplies);
    }

    /**
     * Moves to {@code at} a minute at a time, letting escalation and dispatch do what falls due on the
     * way, so a deadline inside a long gap fires when it falls due, not at the next event.
     */
    private void advance(Instant at, Map<Integer, String> references) throws InterruptedException {
        Instant now = gateway.clock().instant();
        do {
            Instant next = now.plus(STEP).isBefore(at) ? now.plus(STEP) : at;
            timeline.waitUntil(next);
            gateway.runDueWork();
            for (String ref : references.values()) {
                gateway.awaitSettled(ref, SETTLE);
            }
            now = next;
        } while (now.isBefore(at));
    }

    private static List<Object> timeline(Scenario scenario) {
        List<Object> events = new ArrayList<>(scenario.notices());
        events.addAll(scenario.replies());
        // a notice and a reply at the same offset: the notice first, a reply needs something to answer
        events.sort(Comparator.comparing((Object e) -> e instanceof Scenario.TimedNotice n ? n.at() : ((Scenario.ExpectedReply) e).at())
                .thenComparing(e -> e instanceof Scenario.TimedNotice ? 0 : 1));
        return events;
    }

    /** The notice as sent: forced to be an exercise, "#n" references replaced by what notice n was numbered. */
    private static byte[] exerciseYaml(Scenario.TimedNotice n, Map<Integer, String> references) {
        Map<String, Object> yaml = new LinkedHashMap<>(n.yaml());
        yaml.put("exercise", true);
        if (yaml.get("references") instanceof String r && r.startsWith("#")) {
            String ref = references.get(Integer.parseInt(r.substring(1).trim()));
            if (ref == null) {
                throw new ScenarioException(n.source() + ": references " + r + " before that notice was sent");
            }
            yaml.put("references", ref);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(yaml).getBytes(StandardCharsets.UTF_8);
    }
}
