package io.liaison.gateway.exercise;

import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.track.Confirmation;
import io.liaison.gateway.track.ConfirmationOutcome;
import io.liaison.gateway.track.EscalationRecord;
import io.liaison.gateway.track.StatusReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an exercise showed: who received what on which channel, who acknowledged and how fast, who
 * did not, which escalations fired, and whether the scenario's expected replies came.
 */
public record ExerciseReport(Scenario scenario, Instant start, List<NoticeResult> notices,
                             Map<Scenario.ExpectedReply, ConfirmationOutcome> played, boolean simulated) {

    private static final Duration GRACE = Duration.ofMinutes(1);

    public record NoticeResult(int number, Duration at, StatusReport status) {
    }

    /** The expected reply's confirmation, if one came from that contact for that notice. */
    public Optional<Confirmation> confirmationFor(Scenario.ExpectedReply reply) {
        return notices.stream().filter(n -> n.number() == reply.notice()).findFirst()
                .flatMap(n -> n.status().confirmations().stream()
                        .filter(c -> c.verdict().accepted() && c.pocId().filter(reply.pocId()::equals).isPresent())
                        .findFirst());
    }

    public String render(ZoneId zone) {
        StringBuilder b = new StringBuilder();
        b.append("EXERCISE / 演習 REPORT: ").append(scenario.name()).append(simulated ? "  (simulated run)" : "").append('\n');
        for (NoticeResult n : notices) {
            StatusReport s = n.status();
            b.append(String.format("%n#%d at +%s  %s  %s  %s%n", n.number(), offset(n.at()), s.notice().reference(),
                    s.notice().level().label(), s.notice().title()));
            Map<String, List<Delivery>> byContact = s.deliveries().stream()
                    .collect(Collectors.groupingBy(d -> d.organisationId() + " / " + d.pocId(),
                            java.util.LinkedHashMap::new, Collectors.toList()));
            b.append("  Received:\n");
            byContact.forEach((who, ds) -> b.append("    ").append(who).append(": ")
                    .append(ds.stream().map(d -> d.channel().yamlName() + " " + s.stateOf(d)).distinct()
                            .collect(Collectors.joining(", "))).append('\n'));
            s.refusals().forEach(r -> b.append("    not sent to ").append(r.organisationId())
                    .append(r.pocId().map(p -> " / " + p).orElse("")).append(": ").append(r.reason()).append('\n'));
            Set<String> acknowledged = new LinkedHashSet<>();
            b.append("  Acknowledged:\n");
            for (Confirmation c : s.confirmations()) {
                if (!c.verdict().accepted() || c.organisationId().isEmpty() || !acknowledged.add(c.organisationId().get())) {
                    continue;
                }
                b.append("    ").append(c.organisationId().get()).append(" by ").append(c.pocId().orElse("?"))
                        .append(" via ").append(c.channel().label()).append(" after ")
                        .append(offset(Duration.between(s.notice().createdAt(), c.at()))).append('\n');
            }
            Set<String> silent = s.deliveries().stream().map(Delivery::organisationId)
                    .filter(o -> !acknowledged.contains(o)).collect(Collectors.toCollection(LinkedHashSet::new));
            if (!silent.isEmpty()) {
                b.append("  Not acknowledged: ").append(String.join(", ", silent)).append('\n');
            }
            b.append("  Escalations:").append(s.escalations().isEmpty() ? " none\n" : "\n");
            for (EscalationRecord e : s.escalations()) {
                b.append("    +").append(offset(Duration.between(s.notice().createdAt(), e.at()))).append("  ")
                        .append(e.organisationId()).append(": step ").append(e.stepNo()).append(' ')
                        .append(e.action().label()).append(" — ").append(e.detail()).append('\n');
            }
        }
        if (!scenario.replies().isEmpty()) {
            long met = 0;
            b.append("\nExpected replies:\n");
            for (Scenario.ExpectedReply r : scenario.replies()) {
                Optional<Confirmation> c = confirmationFor(r);
                // a reply played or typed at its minute is on time; only a later one is late
                Instant due = start.plus(r.at()).plus(GRACE);
                String verdict = c.map(x -> x.at().isAfter(due) ? "LATE (" + offset(Duration.between(start, x.at())) + ")" : "met")
                        .orElse(Optional.ofNullable(played.get(r)).map(o -> "MISSED: " + o.message()).orElse("MISSED"));
                met += verdict.equals("met") ? 1 : 0;
                b.append(String.format("  #%d by %s via %s within +%s: %s%n", r.notice(), r.pocId(), r.channel().label(),
                        offset(r.at()), verdict));
            }
            b.append(String.format("  %d of %d expected replies met%n", met, scenario.replies().size()));
        }
        return b.toString();
    }

    private static String offset(Duration d) {
        long s = Math.max(0, d.plusMillis(500).getSeconds());
        return s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
    }
}
