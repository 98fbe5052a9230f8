package io.liaison.gateway.marking;

import java.util.List;
import java.util.Optional;

/**
 * What one delivery adds to the marked notice: a label (reminder, escalation, unconfirmed-recipient
 * alert), a few words for the SMS, lines to read before the notice in the e-mail, and the recipient's
 * confirmation code.
 *
 * @param label            e.g. "再送 REMINDER": before the Subject, after the level in the SMS, atop the e-mail
 * @param smsLine          added after the label in the SMS, kept short
 * @param preface          lines shown above the notice in the e-mail
 * @param confirmationCode the code the recipient replies with; empty when no confirmation is asked for
 */
public record DeliveryNote(Optional<String> label, Optional<String> smsLine, List<String> preface,
                           Optional<String> confirmationCode) {
    public static final DeliveryNote NONE = new DeliveryNote(Optional.empty(), Optional.empty(), List.of(), Optional.empty());

    public DeliveryNote {
        preface = List.copyOf(preface);
    }

    public static DeliveryNote confirmWith(String code) {
        return new DeliveryNote(Optional.empty(), Optional.empty(), List.of(), Optional.of(code));
    }
}
