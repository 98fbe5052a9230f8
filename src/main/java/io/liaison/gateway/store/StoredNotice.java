package io.liaison.gateway.store;

import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.marking.Tlp;
import java.time.Instant;
import java.util.List;

/** A notice as accepted and numbered. */
public record StoredNotice(
        String reference,
        NoticeKind kind,
        Priority priority,
        Tlp level,
        boolean exercise,
        String originatorOrg,
        String senderPoc,
        String title,
        String summary,
        String body,
        List<String> targetSectors,
        List<String> targetOrganisations,
        Instant createdAt) {
    public StoredNotice {
        targetSectors = List.copyOf(targetSectors);
        targetOrganisations = List.copyOf(targetOrganisations);
    }
}
