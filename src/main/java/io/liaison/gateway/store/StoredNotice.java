package io.liaison.gateway.store;

import io.liaison.gateway.intake.FollowUp;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.marking.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        Instant createdAt,
        Optional<FollowUp> followUp) {
    public StoredNotice {
        targetSectors = List.copyOf(targetSectors);
        targetOrganisations = List.copyOf(targetOrganisations);
    }
}
