package io.liaison.gateway.track;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.marking.DeliveryNote;
import io.liaison.gateway.marking.DeliveryNoteSource;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.StoredNotice;
import io.liaison.gateway.track.ack.ConfirmationDesk;
import io.liaison.gateway.track.escalation.EscalationStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Gives each delivery its note: the recipient's confirmation code (one per point of contact and notice,
 * so a reminder carries the same code and either channel confirms), and for escalation steps the label
 * and the lines that say why this message comes.
 */
public final class DeliveryNotes implements DeliveryNoteSource {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Supplier<Directory> directory;
    private final ConfirmationDesk desk;
    private final EscalationStore escalations;
    private final ZoneId zone;
    private final Clock clock;

    public DeliveryNotes(Supplier<Directory> directory, ConfirmationDesk desk, EscalationStore escalations, ZoneId zone, Clock clock) {
        this.directory = directory;
        this.desk = desk;
        this.escalations = escalations;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public DeliveryNote noteFor(StoredNotice notice, Delivery delivery) {
        if (!ConfirmationScope.askedFor(notice)) {
            return DeliveryNote.NONE;
        }
        return switch (delivery.role()) {
            case DUTY_ALERT -> dutyAlert(notice, delivery);
            case REMINDER -> new DeliveryNote(Optional.of("再送 REMINDER"), Optional.empty(),
                    List.of("受領確認がまだありません。確認してください。 / We have no confirmation of this notice yet; please confirm."),
                    Optional.of(code(delivery)));
            case ESCALATION -> {
                String org = organisationName(delivery.organisationId());
                yield new DeliveryNote(Optional.of("督促 ESCALATION"), Optional.of(delivery.organisationId() + " 未確認 unconfirmed"),
                        List.of(org + " has not confirmed this notice; it comes to you as the organisation's standby contact.",
                                org + " から受領確認がないため、予備連絡先のあなたへ送付しています。"),
                        Optional.of(code(delivery)));
            }
            default -> DeliveryNote.confirmWith(code(delivery));
        };
    }

    private String code(Delivery delivery) {
        return desk.codeFor(delivery.reference(), delivery.organisationId(), delivery.pocId(), clock.instant());
    }

    // Names the recipient that has not confirmed, when it was sent and what was already tried.
    private DeliveryNote dutyAlert(StoredNotice notice, Delivery delivery) {
        Optional<EscalationRecord> step = escalations.stepCarriedBy(delivery.hopId());
        if (step.isEmpty()) {
            return new DeliveryNote(Optional.of("未確認 UNCONFIRMED"), Optional.empty(), List.of(), Optional.empty());
        }
        String org = step.get().organisationId();
        Optional<EscalationWatch> watch = escalations.watches(notice.reference()).stream()
                .filter(w -> w.organisationId().equals(org)).findFirst();
        List<EscalationRecord> earlier = escalations.steps(notice.reference()).stream()
                .filter(s -> s.organisationId().equals(org) && s.stepNo() < step.get().stepNo()).toList();
        String since = watch.map(w -> TIME.format(w.startedAt().atZone(zone))).orElse("?");
        String tried = earlier.isEmpty() ? "none" : earlier.stream()
                .map(s -> s.action().label() + " " + TIME.format(s.at().atZone(zone))).collect(Collectors.joining(", "));
        String who = organisationName(org) + " (" + org + ")";
        return new DeliveryNote(Optional.of("未確認 UNCONFIRMED"),
                Optional.of(org + " has not confirmed since " + since + "; steps: " + tried),
                List.of(who + " has not confirmed " + notice.reference() + ", sent " + since
                                + watch.map(w -> ", deadline " + TIME.format(w.deadlineAt().atZone(zone))).orElse("") + ".",
                        "Steps taken / 実施済み: " + tried + ".",
                        "受領確認がありません。連絡を取り、確認できたら ack " + notice.reference() + " --as <POC> で記録してください。",
                        "Please reach them; when they confirm, record it with: ack " + notice.reference() + " --as <POC>"),
                Optional.empty());
    }

    private String organisationName(String id) {
        return directory.get().organisation(id).map(Organisation::name).orElse(id);
    }
}
