package io.liaison.gateway.inbound.incident;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.inbound.InboundDeliveryPlanner;
import io.liaison.gateway.inbound.VerifiedSender;
import io.liaison.gateway.inbound.format.Cause;
import io.liaison.gateway.inbound.format.InboundDocument;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.numbering.ReferenceNumber;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.Refusal;
import io.liaison.gateway.store.NoticeStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Relays an accepted incident report, as far as its level allows, to the ministries that own the reporter's sectors and to NISC,
 * as an outbound record of its own series (e.g. NISC-INC-2026-00001) marked 任意提供情報, re-encrypted
 * to each of their points of contact by the normal dispatch.
 */
public final class IncidentRelay {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Supplier<Directory> directory;
    private final NoticeStore notices;
    private final InboundDeliveryPlanner planner;
    private final ZoneId zone;
    private final String prefix;

    public IncidentRelay(Supplier<Directory> directory, NoticeStore notices, InboundDeliveryPlanner planner, ZoneId zone, String prefix) {
        this.directory = directory;
        this.notices = notices;
        this.planner = planner;
        this.zone = zone;
        this.prefix = prefix;
    }

    /**
     * The ministries owning any sector of the reporter, then NISC: whom a report may be relayed to at
     * TLP:AMBER or looser. The report is addressed to NISC (the gateway's mailbox, docs/inbound-format.md).
     */
    public List<String> recipients(String reporterOrg) {
        Organisation reporter = directory.get().organisation(reporterOrg).orElseThrow();
        Set<String> out = new LinkedHashSet<>();
        for (Organisation ministry : directory.get().organisationsOfKind(OrganisationKind.MINISTRY)) {
            if (!ministry.id().equals(reporterOrg) && ministry.sectors().stream().anyMatch(reporter::isIn)) {
                out.add(ministry.id());
            }
        }
        out.add(directory.get().nisc().id());
        return List.copyOf(out);
    }

    /**
     * Stores the relay with its deliveries; returns its reference. The report's own level decides how far
     * it goes: TLP:AMBER or looser to the sector's ministries and NISC; TLP:AMBER+STRICT (the default) stays
     * within the organisation it was addressed to, NISC; TLP:RED is not relayed at all — NISC's contacts are
     * told that one arrived and where to read it on the gateway, with nothing of its content.
     */
    public String relay(InboundDocument.IncidentReport report, String incidentKey, int number, Tlp level,
                        VerifiedSender reporter, Instant now) {
        Organisation org = directory.get().organisation(reporter.organisationId()).orElseThrow();
        String nisc = directory.get().nisc().id();
        List<String> allowed = level.allowsOnwardToOtherOrganisations() ? recipients(org.id()) : List.of(nisc);
        List<Refusal> refused = recipients(org.id()).stream().filter(o -> !allowed.contains(o))
                .map(o -> Refusal.ofOrganisation(o, "the report is " + level.label() + " (" + NoticeMarking.handling(level)
                        + "); it was addressed to " + nisc + " and goes no further")).toList();
        boolean red = level == Tlp.RED;
        String title = red ? "情報連絡 第" + number + "報 (TLP:RED) / Incident report no. " + number + " at TLP:RED"
                : "情報連絡 第" + number + "報 / Incident report no. " + number + " — " + incidentKey;
        String summary = "情報連絡 第" + number + "報";
        String body = red ? redNotice(incidentKey, number, now) : render(report, incidentKey, number, org, reporter, now);
        NoticeDraft draft = new NoticeDraft(NoticeKind.INCIDENT_RELAY, Priority.NORMAL, level, report.exercise(), reporter.pocId(),
                title, summary, body, new Target(org.sectors(), allowed, false));
        DeliveryPlan toAllowed = planner.toOrganisations(allowed);
        List<Refusal> refusals = new ArrayList<>(refused);
        refusals.addAll(toAllowed.refusals());
        DeliveryPlan plan = new DeliveryPlan(toAllowed.deliveries(), refusals);
        String series = ReferenceNumber.series(prefix, report.exercise(), NoticeKind.INCIDENT_RELAY, Priority.NORMAL,
                now.atZone(zone).getYear());
        return notices.accept(draft, org.id(), series, plan, now).value();
    }

    // TLP:RED: for the named recipients only. The report names none but the gateway's mailbox, so its text
    // stays in the gateway's store; NISC's contacts learn only that it is there.
    private String redNotice(String incidentKey, int number, Instant now) {
        return "情報連絡 第" + number + "報を TLP:RED で受信しました（" + TIME.format(now.atZone(zone)) + "）。\n"
                + "TLP:RED の報告は中継しません。内容はゲートウェイで確認してください: incident show " + incidentKey + "\n"
                + "Incident report no. " + number + " arrived at TLP:RED. A TLP:RED report is not relayed; read it on the\n"
                + "gateway: incident show " + incidentKey + "\n";
    }

    private String render(InboundDocument.IncidentReport r, String incidentKey, int number, Organisation org,
                          VerifiedSender reporter, Instant now) {
        String pocName = directory.get().pointOfContact(reporter.pocId()).map(PointOfContact::name).orElse(reporter.pocId());
        StringBuilder b = new StringBuilder();
        b.append("任意提供情報（情報公開法第5条第2号ロ）: 法令の定め又は報告者の同意なく開示しない。\n");
        b.append("Voluntarily provided information: not disclosed without a legal basis or the reporter's consent;\n");
        b.append("re-shared only after everything identifying the reporter is removed.\n");
        if (r.doNotShare()) {
            b.append("*** 報告者は共有を希望していません / The reporter asks that this is NOT re-shared, even sanitised. ***\n");
        }
        b.append('\n');
        b.append("Incident / 事案: ").append(incidentKey).append("   Report / 報: 第").append(number).append("報\n");
        b.append("Reporter / 報告者: ").append(org.displayName()).append(" — ").append(pocName)
                .append(" (verified signature, key ").append(reporter.fingerprint()).append(")\n");
        b.append("Received / 受信: ").append(TIME.format(now.atZone(zone))).append('\n');
        b.append("Contact / 連絡先: ").append(r.contact().person()).append(" — ")
                .append(r.contact().means().stream().map(m -> m.kind() + " " + m.address()).collect(Collectors.joining(", ")))
                .append('\n');
        r.summary().ifPresent(s -> b.append("Summary / 概要: ").append(s).append('\n'));
        if (r.triggerCategory().isPresent()) {
            b.append("Trigger / 契機: ").append(r.triggerCategory().get().japanese()).append(" (").append(r.triggerCategory().get().code());
            r.triggerCase().ifPresent(c -> b.append(": ").append(c.code()).append(" ").append(c.japanese()));
            b.append(")\n");
        }
        r.eventType().ifPresent(e -> b.append("Event / 事象: ").append(e.japanese()).append(" (").append(e.code()).append(")\n"));
        if (!r.causes().isEmpty()) {
            List<String> causes = new ArrayList<>();
            for (Cause c : r.causes()) {
                causes.add(c.japanese() + " (" + c.code() + ")");
            }
            b.append("Causes / 原因: ").append(String.join(", ", causes)).append('\n');
        }
        r.affectedSystem().ifPresent(s -> {
            b.append("Affected system / 影響システム:\n");
            s.hardware().ifPresent(v -> b.append("  hardware / ハードウェア: ").append(v).append('\n'));
            s.software().ifPresent(v -> b.append("  software / ソフトウェア: ").append(v).append('\n'));
            s.version().ifPresent(v -> b.append("  version / バージョン: ").append(v).append('\n'));
            s.patchState().ifPresent(v -> b.append("  patch state / パッチ適用状況: ").append(v).append('\n'));
        });
        r.response().ifPresent(s -> {
            b.append("Response / 対応状況:\n");
            s.measures().ifPresent(v -> b.append("  measures / 措置: ").append(v.strip()).append('\n'));
            if (!s.contacted().isEmpty()) {
                b.append("  already contacted / 連絡済みの関係者: ").append(String.join(", ", s.contacted())).append('\n');
            }
        });
        r.spread().ifPresent(v -> b.append("Possible spread / 他事業者・他分野への波及の可能性: ").append(v.strip()).append('\n'));
        r.notes().ifPresent(v -> b.append("Notes / その他: ").append(v.strip()).append('\n'));
        if (r.triggerCategory().isEmpty() && r.eventType().isEmpty() && r.affectedSystem().isEmpty() && r.response().isEmpty()) {
            b.append("(fragmentary report: further details to follow in later reports / 詳細は続報)\n");
        }
        return b.toString();
    }
}
