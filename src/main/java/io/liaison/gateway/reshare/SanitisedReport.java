package io.liaison.gateway.reshare;

import io.liaison.gateway.inbound.format.InboundDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The re-share text made from one incident report: only what helps others protect themselves (what happened,
 * to which product, why, what was done, whether it may spread), every free-text field redacted, and the
 * fields that are about the reporter (incident id, contact person and means, who was already told) left out
 * whole. Every removal is listed.
 */
public record SanitisedReport(String summary, String body, List<Redaction> redactions) {
    public SanitisedReport {
        redactions = List.copyOf(redactions);
    }

    public static SanitisedReport of(InboundDocument.IncidentReport r, ReporterIdentifiers ids, Grounds grounds) {
        TextRedactor redactor = new TextRedactor(ids.all());
        List<Redaction> removed = new ArrayList<>();
        omit(removed, "incident", r.incidentId());
        omit(removed, "contact.person", r.contact().person());
        for (int i = 0; i < r.contact().means().size(); i++) {
            InboundDocument.ContactMeans m = r.contact().means().get(i);
            omit(removed, "contact.means[" + i + "]." + m.kind(), m.address());
        }
        r.response().ifPresent(s -> {
            for (int i = 0; i < s.contacted().size(); i++) {
                omit(removed, "response.contacted[" + i + "]", s.contacted().get(i));
            }
        });

        StringBuilder b = new StringBuilder();
        b.append("任意提供情報の再共有 — 報告者を特定できる情報は削除済みです。\n");
        b.append("Re-share of voluntarily provided information — everything that identifies the reporter has been removed.\n\n");
        b.append("共有の根拠 / Grounds: ").append(grounds.describe()).append('\n');
        b.append("情報源 / Source: ").append(ids.sectorPhraseJa()).append(" / ").append(ids.sectorPhraseEn()).append('\n');
        Optional<String> summary = r.summary().map(s -> field(redactor, removed, "summary", s).replaceAll("\\s+", " ").strip());
        summary.ifPresent(s -> b.append("概要 / Summary: ").append(s).append('\n'));
        r.triggerCategory().ifPresent(c -> b.append("契機 / Trigger: ").append(c.japanese()).append(" (").append(c.code())
                .append(r.triggerCase().map(x -> ": " + x.japanese() + " / " + x.code()).orElse("")).append(")\n"));
        r.eventType().ifPresent(e -> b.append("事象 / Event: ").append(e.japanese()).append(" (").append(e.code()).append(")\n"));
        if (!r.causes().isEmpty()) {
            b.append("原因 / Causes: ").append(r.causes().stream().map(c -> c.japanese() + " (" + c.code() + ")")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        r.affectedSystem().ifPresent(s -> {
            b.append("影響を受けたシステム / Affected system:\n");
            s.hardware().ifPresent(v -> line(b, "  ハードウェア / hardware: ", field(redactor, removed, "affected_system.hardware", v)));
            s.software().ifPresent(v -> line(b, "  ソフトウェア / software: ", field(redactor, removed, "affected_system.software", v)));
            s.version().ifPresent(v -> line(b, "  バージョン / version: ", field(redactor, removed, "affected_system.version", v)));
            s.patchState().ifPresent(v -> line(b, "  パッチ適用状況 / patch state: ",
                    field(redactor, removed, "affected_system.patch_state", v)));
        });
        r.response().flatMap(InboundDocument.Response::measures).ifPresent(v ->
                line(b, "実施された措置 / Measures taken: ", field(redactor, removed, "response.measures", v)));
        r.spread().ifPresent(v -> line(b, "他への波及の可能性 / Possible spread: ", field(redactor, removed, "spread", v)));
        r.notes().ifPresent(v -> line(b, "その他 / Notes: ", field(redactor, removed, "notes", v)));
        if (r.eventType().isEmpty() && r.affectedSystem().isEmpty() && r.causes().isEmpty()) {
            b.append("(断片的な情報です。詳細は確認中 / fragmentary: details are still being confirmed)\n");
        }
        b.append('\n');
        b.append("報告者の特定を試みないでください。 / Do not try to identify the reporter.\n");
        return new SanitisedReport(summary.orElse(""), b.toString(), removed);
    }

    private static String field(TextRedactor redactor, List<Redaction> removed, String name, String value) {
        RedactedText t = redactor.redact(name, value);
        removed.addAll(t.redactions());
        return t.text();
    }

    private static void line(StringBuilder b, String label, String value) {
        String v = value.strip();
        b.append(label).append(v.contains("\n") ? "\n    " + v.replace("\n", "\n    ") : v).append('\n');
    }

    private static void omit(List<Redaction> removed, String field, String original) {
        removed.add(new Redaction(field, IdentifierKind.OMITTED, original, IdentifierKind.OMITTED.placeholder(false) + " "
                + IdentifierKind.OMITTED.placeholder(true)));
    }
}
