package io.liaison.gateway.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NISC duty board at one moment: notices in flight, per recipient organisation each channel's
 * state and the confirmation; escalations fired and due; and the lists across notices — not
 * confirmed, failed (each can be resent), quarantined inbound.
 */
public record DutyBoardView(Instant at, List<BoardNotice> inFlight, List<NotConfirmed> notConfirmed, List<FailedDelivery> failed,
                            List<QuarantinedMessage> quarantined) {
    public DutyBoardView {
        inFlight = List.copyOf(inFlight);
        notConfirmed = List.copyOf(notConfirmed);
        failed = List.copyOf(failed);
        quarantined = List.copyOf(quarantined);
    }

    public record BoardNotice(NoticeSummary notice, List<RecipientState> recipients, List<EscalationFired> fired,
                              List<EscalationDue> due) {
        public BoardNotice {
            recipients = List.copyOf(recipients);
            fired = List.copyOf(fired);
            due = List.copyOf(due);
        }
    }

    /**
     * One recipient organisation of a notice.
     *
     * @param channels per channel (email, sms, fax) its deliveries' states, e.g. "delivered" or "sent 1, failed 1"
     */
    public record RecipientState(String organisationId, Map<String, String> channels, Optional<Instant> confirmedAt,
                                 Optional<String> confirmedBy) {
        public RecipientState {
            channels = Map.copyOf(channels);
        }
    }

    public record EscalationFired(String organisationId, int step, String action, String detail, Instant at) {
    }

    public record EscalationDue(String organisationId, Instant deadlineAt, Optional<Instant> nextStepAt, int stepsTaken,
                                int totalSteps) {
    }

    /** A recipient organisation that has not confirmed a notice; {@code exhausted}: every escalation step was taken. */
    public record NotConfirmed(String reference, String organisationId, Instant deadlineAt, boolean exhausted) {
    }

    public record FailedDelivery(long deliveryId, String reference, String organisationId, String pocId, String channel,
                                 String reason, Instant at) {
    }
}
