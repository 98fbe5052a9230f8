package io.liaison.gateway.application;

import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.dispatch.CircuitBreaker;
import io.liaison.gateway.inbound.InboundStore;
import io.liaison.gateway.policy.PolicyDesk;
import io.liaison.gateway.reshare.ReshareDesk;
import io.liaison.gateway.stats.StatisticsSource;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.track.Acknowledgements;
import io.liaison.gateway.track.ack.ConfirmationStore;
import io.liaison.gateway.track.escalation.EscalationStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rooms the use cases work in, handed over once by the wiring. Only the application layer holds
 * them; a door gets {@link Application}, never these.
 *
 * @param directory the directory current at each call (a reload applies to the next action)
 * @param policy    plans a notice's recipients without storing anything (preview)
 * @param incidentFiling the inbound intake's act stage, for reports filed through a door
 */
public record ApplicationParts(
        Supplier<Directory> directory,
        NoticeChain chain,
        PolicyDesk policy,
        NoticeStore notices,
        InboundStore inbound,
        ReshareDesk reshare,
        Acknowledgements acknowledgements,
        ConfirmationStore confirmations,
        EscalationStore escalations,
        StatisticsSource statistics,
        Supplier<List<CircuitBreaker.BreakerStatus>> breakers,
        AuditLog audit,
        Clock clock,
        ZoneId zone,
        IncidentFiling incidentFiling) {
}
