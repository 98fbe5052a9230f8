package io.liaison.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.SampleDirectory;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EarlyWarningRoutingTest {
    private final MutableClock clock = MutableClock.sampleDay();
    private final Directory directory = SampleDirectory.load(clock);
    private final RecipientPolicy policy = new RecipientPolicy(directory,
            new AgreementGate(directory, clock, ZoneId.of("Asia/Tokyo")), clock, Set.of(ChannelKind.EMAIL, ChannelKind.SMS));

    private static NoticeDraft notice(NoticeKind kind, Tlp level, List<String> sectors) {
        return new NoticeDraft(kind, kind == NoticeKind.EARLY_WARNING ? Priority.URGENT : Priority.NORMAL, level, false,
                "nisc-duty", "title", "line", "body", new Target(sectors, List.of(), false));
    }

    private static Map<String, DeliveryRole> roles(DeliveryPlan plan) {
        return plan.deliveries().stream().collect(Collectors.toMap(PlannedDelivery::organisationId, PlannedDelivery::role, (a, b) -> a));
    }

    @Test
    void earlyWarningGoesStraightToCeptoarAndOperatorsWithACopyToTheLiaison() {
        DeliveryPlan plan = policy.planSend(notice(NoticeKind.EARLY_WARNING, Tlp.AMBER, List.of("electric-power")));

        Map<String, DeliveryRole> roles = roles(plan);
        assertEquals(DeliveryRole.DIRECT, roles.get("power-ceptoar"));
        assertEquals(DeliveryRole.DIRECT, roles.get("east-power"));
        assertEquals(DeliveryRole.LIAISON_COPY, roles.get("meti"));
        assertEquals(Set.of("power-ceptoar", "east-power", "meti"), roles.keySet(), "only agreed recipients get it");
        // both channels per point of contact; the standby deputy is not on first delivery
        assertTrue(plan.deliveries().stream().anyMatch(d -> d.pocId().equals("east-power-soc") && d.channel() == ChannelKind.EMAIL));
        assertTrue(plan.deliveries().stream().anyMatch(d -> d.pocId().equals("east-power-soc") && d.channel() == ChannelKind.SMS));
        assertTrue(plan.deliveries().stream().noneMatch(d -> d.pocId().equals("power-ceptoar-deputy")));
    }

    @Test
    void everyRefusalNamesItsReason() {
        DeliveryPlan plan = policy.planSend(notice(NoticeKind.EARLY_WARNING, Tlp.AMBER, List.of("electric-power")));

        Map<String, String> reasons = plan.refusals().stream()
                .collect(Collectors.toMap(Refusal::organisationId, Refusal::reason, (a, b) -> a));
        assertTrue(reasons.get("island-power").contains("no handling agreement"), reasons.get("island-power"));
        assertTrue(reasons.get("old-power").contains("expired on 2025-03-31"), reasons.get("old-power"));
        assertTrue(reasons.get("west-power").contains("covers up to TLP:GREEN"), reasons.get("west-power"));
    }

    @Test
    void provisionGoesToTheLiaisonOnly() {
        DeliveryPlan plan = policy.planSend(notice(NoticeKind.PROVISION, Tlp.AMBER, List.of("electric-power")));

        assertEquals(Set.of("meti"), roles(plan).keySet());
        assertEquals(DeliveryRole.DIRECT, roles(plan).get("meti"));
    }

    @Test
    void earlyWarningNeedsAnAgreementEvenWhenClear() {
        DeliveryPlan plan = policy.planSend(notice(NoticeKind.EARLY_WARNING, Tlp.CLEAR, List.of("electric-power")));

        assertTrue(plan.refusals().stream().anyMatch(r -> r.organisationId().equals("island-power")));
    }

    @Test
    void clearProvisionNeedsNoAgreement() {
        NoticeDraft draft = new NoticeDraft(NoticeKind.PROVISION, Priority.NORMAL, Tlp.CLEAR, false, "nisc-duty", "t", "l",
                "b", new Target(List.of(), List.of("island-power"), false));

        assertTrue(roles(policy.planSend(draft)).containsKey("island-power"));
    }

    @Test
    void dependentSectorsAreAddedWhenAsked() {
        NoticeDraft draft = new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty", "t", "l",
                "b", new Target(List.of("electric-power"), List.of(), true));

        Set<String> reached = roles(policy.planSend(draft)).keySet();
        assertTrue(directory.dependentsOf("electric-power").contains("information-communications"));
        assertTrue(reached.contains("telecom-ceptoar"), "a failure in power affects communications: " + reached);
        assertTrue(reached.contains("mic"), "the communications ministry's liaison gets its copy: " + reached);
    }
}
