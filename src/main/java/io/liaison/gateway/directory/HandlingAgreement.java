package io.liaison.gateway.directory;

import io.liaison.gateway.marking.Tlp;
import java.time.LocalDate;

/**
 * An agreed arrangement on handling (情報の取扱いに関する取り決め) under which {@code provider} may send
 * information to {@code recipient}.
 *
 * @param validUntil inclusive last day the agreement covers
 * @param recipientMayForward whether the recipient may forward onward to its own members
 */
public record HandlingAgreement(
        String reference,
        String provider,
        String recipient,
        Tlp highestLevel,
        LocalDate validFrom,
        LocalDate validUntil,
        boolean recipientMayForward) {

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
