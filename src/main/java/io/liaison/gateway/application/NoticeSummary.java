package io.liaison.gateway.application;

import io.liaison.gateway.store.StoredNotice;
import java.time.Instant;

/** One line of an inbox or the duty board: which notice, what level and kind, from whom, when. */
public record NoticeSummary(String reference, String kind, String level, boolean exercise, String originator, String title,
                            Instant createdAt) {
    static NoticeSummary of(StoredNotice n) {
        return new NoticeSummary(n.reference(), n.kind().yamlName(), n.level().label(), n.exercise(), n.originatorOrg(),
                n.title(), n.createdAt());
    }
}
