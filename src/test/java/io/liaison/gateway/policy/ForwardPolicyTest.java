package io.liaison.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.SampleDirectory;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardPolicyTest {
    private final MutableClock clock = MutableClock.sampleDay();
    private final Directory directory = SampleDirectory.load(clock);
    private final RecipientPolicy policy = new RecipientPolicy(directory,
            new AgreementGate(directory, clock, ZoneId.of("Asia/Tokyo")), clock, Set.of(ChannelKind.EMAIL, ChannelKind.SMS));

    private DeliveryPlan forward(String poc, Tlp level, List<String> to, boolean members, Set<String> receivedFrom) {
        return policy.planForward(new ForwardRequest("NISC-PR3-2026-00001", level, false, poc, to, members, receivedFrom, Set.of()));
    }

    @Test
    void liaisonForwardsToItsSectorCeptoar() {
        DeliveryPlan plan = forward("meti-liaison", Tlp.AMBER, List.of("power-ceptoar"), false, Set.of("nisc"));

        assertTrue(plan.refusals().isEmpty(), plan.refusals().toString());
        assertTrue(plan.deliveries().stream().allMatch(d -> d.organisationId().equals("power-ceptoar") && d.role() == DeliveryRole.FORWARD));
    }

    @Test
    void ceptoarRelaysToMembersUnderItsOwnAgreements() {
        DeliveryPlan plan = forward("power-ceptoar-duty", Tlp.AMBER, List.of(), true, Set.of("meti"));

        assertEquals(Set.of("east-power"), plan.deliveries().stream().map(PlannedDelivery::organisationId).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of("west-power", "island-power", "old-power"),
                plan.refusals().stream().map(Refusal::organisationId).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void forwardWithoutOnwardRightIsRefused() {
        // east-power's agreement with NISC says it may not forward onward
        DeliveryPlan plan = forward("east-power-soc", Tlp.AMBER, List.of("west-power"), false, Set.of("nisc"));

        assertTrue(plan.deliveries().isEmpty());
        assertTrue(plan.refusals().get(0).reason().contains("does not allow east-power to forward onward"),
                plan.refusals().get(0).reason());
    }

    @Test
    void strictLevelsNeverLeaveTheOrganisation() {
        DeliveryPlan plan = forward("meti-liaison", Tlp.AMBER_STRICT, List.of("power-ceptoar"), false, Set.of("nisc"));

        assertTrue(plan.deliveries().isEmpty());
        assertTrue(plan.refusals().get(0).reason().contains("TLP:AMBER+STRICT may not leave meti"), plan.refusals().get(0).reason());
    }

    @Test
    void cannotForwardWhatWasNeverReceived() {
        DeliveryPlan plan = forward("meti-liaison", Tlp.AMBER, List.of("power-ceptoar"), false, Set.of());

        assertTrue(plan.deliveries().isEmpty());
        assertTrue(plan.refusals().get(0).reason().contains("has not received"));
    }

    @Test
    void cannotForwardOutsideItsOwnChain() {
        DeliveryPlan plan = forward("meti-liaison", Tlp.AMBER, List.of("telecom-ceptoar"), false, Set.of("nisc"));

        assertTrue(plan.refusals().get(0).reason().contains("is not among the organisations meti passes notices on to"),
                plan.refusals().get(0).reason());
    }
}
