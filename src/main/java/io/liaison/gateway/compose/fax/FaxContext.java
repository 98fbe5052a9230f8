package io.liaison.gateway.compose.fax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the fax says about its delivery, beyond the notice itself.
 *
 * @param recipientName the point of contact, as the person at the machine will look for it
 * @param faxNumber the number dialled, E.164
 * @param senderName the originating organisation's name
 * @param forwardedBy who passed the notice on in this hop, empty on the first hop
 * @param sectorNames the concerned sectors, Japanese and English
 * @param confirmationCode the recipient's code for this notice, when a confirmation is asked for
 */
public record FaxContext(String recipientName, String faxNumber, String senderName, Optional<String> forwardedBy,
                         List<String> sectorNames, Optional<String> confirmationCode) {

    public FaxContext(String recipientName, String faxNumber, String senderName, Optional<String> forwardedBy,
                      List<String> sectorNames) {
        this(recipientName, faxNumber, senderName, forwardedBy, sectorNames, Optional.empty());
    }

    public FaxContext {
        Objects.requireNonNull(confirmationCode, "confirmationCode");
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(faxNumber, "faxNumber");
        Objects.requireNonNull(senderName, "senderName");
        Objects.requireNonNull(forwardedBy, "forwardedBy");
        sectorNames = List.copyOf(sectorNames);
    }
}
