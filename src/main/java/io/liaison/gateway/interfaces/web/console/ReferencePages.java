package io.liaison.gateway.interfaces.web.console;

import io.liaison.gateway.application.Action;
import io.liaison.gateway.application.DirectorySummary;
import io.liaison.gateway.application.ReshareApproved;
import io.liaison.gateway.reshare.ProposalFilter;
import io.liaison.gateway.reshare.Redaction;
import io.liaison.gateway.reshare.Rejection;
import io.liaison.gateway.reshare.ReshareProposal;
import io.liaison.gateway.reshare.ReshareSummary;
import io.liaison.gateway.stats.FiscalQuarter;
import io.liaison.gateway.stats.SharingStatistics;
import io.liaison.gateway.stats.StatisticsPeriod;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The re-share proposals, one with its four-eyes approval or rejection; statistics and the directory, read-only. */
final class ReferencePages {
    private static final Pattern PERIOD = Pattern.compile("FY(\\d{4})(?:-Q([1-4]))?");
    /** A page's worth; the API pages further with its limit. */
    private static final int LIST_LIMIT = 100;

    /**
     * {@code /reshare}: the proposals awaiting a decision, newest first, each linked (or approved, rejected, all with
     * {@code ?state=}), and a form to open one by its label (given by phone, say).
     */
    View reshareIndex(Visit v) {
        Layout.require(v, Action.VIEW_RESHARE);
        Optional<String> id = v.query("id");
        if (id.isPresent()) {
            if (ReshareProposal.parseLabel(id.get()).isEmpty()) {
                throw new Visit.FormException("id", v.labels().format("error.field.invalid", "id"));
            }
            throw new ConsoleDoor.Redirect("/reshare/" + ReshareProposal.label(ReshareProposal.parseLabel(id.get()).get()));
        }
        String asked = v.query("state").orElse(ProposalFilter.PENDING.word());
        ProposalFilter filter = ProposalFilter.parse(asked).orElseThrow(() ->
                new Visit.FormException("state", v.labels().format("error.field.invalid", "state")));
        List<ReshareSummary> proposals = v.app().approveReshare().list(v.actor(), filter, LIST_LIMIT);
        Html h = new Html().open("form", "method", "get", "action", "/reshare", "class", "inline")
                .open("label").text(v.t("reshare.id") + " ").empty("input", "type", "text", "name", "id", "placeholder", "RS-0001")
                .close("label").element("button", v.t("reshare.open"), "type", "submit").close("form");
        h.open("nav", "class", "filters", "aria-label", v.t("reshare.filter")).text(v.t("reshare.filter") + ": ");
        for (ProposalFilter f : ProposalFilter.values()) {
            h.element("a", v.t("reshare.filter." + f.word()), "href", "/reshare?state=" + f.word(),
                    "aria-current", f == filter ? "page" : null).text(" ");
        }
        h.close("nav");
        h.element("h2", v.t("reshare.list." + filter.word()));
        if (proposals.isEmpty()) {
            h.element("p", v.t("reshare.none"), "class", "muted");
        } else {
            h.open("div", "class", "scroll").open("table", "class", "proposals").open("thead").open("tr");
            for (String c : List.of("reshare.col.proposal", "reshare.col.source", "reshare.col.grounds", "reshare.col.proposed",
                    "reshare.col.by", "col.state", "reshare.col.removals")) {
                h.element("th", v.t(c));
            }
            h.close("tr").close("thead").open("tbody");
            boolean ja = v.labels().language().equals("ja");
            for (ReshareSummary p : proposals) {
                h.open("tr").open("td").element("a", p.label(), "href", "/reshare/" + p.label(), "class", "reference").close("td")
                        .element("td", v.labels().format("reshare.source.short", p.incidentKey(), p.reportNumber()))
                        .element("td", ja ? p.grounds().shortJapanese() : p.grounds().code())
                        .element("td", v.time(p.proposedAt()))
                        .element("td", p.proposedBy().orElse("—"))
                        .element("td", v.t("reshare.state." + p.state().name().toLowerCase(java.util.Locale.ROOT))
                                + p.decidedBy().map(d -> " (" + d + ")").orElse(""))
                        .element("td", String.valueOf(p.removals()), "class", "num").close("tr");
            }
            h.close("tbody").close("table").close("div");
            if (proposals.size() == LIST_LIMIT) {
                h.element("p", v.labels().format("reshare.limited", LIST_LIMIT), "class", "muted");
            }
        }
        return View.ok(v.t("reshare.index"), h);
    }

    View reshare(Visit v) {
        ReshareProposal p = v.app().approveReshare().show(v.actor(), v.param("id"));
        Html h = new Html();
        h.open("p", "class", "marking").append(Layout.tlp(p.level().label())).text(" ").append(Layout.exercise(p.exercise(), v.labels()))
                .element("span", " " + v.labels().format("reshare.source", p.incidentKey(), p.reportNumber()) + " · "
                        + v.t("reshare.state." + p.state().name().toLowerCase(java.util.Locale.ROOT)), "class", "muted").close("p");
        h.element("p", v.labels().format("reshare.proposed", v.time(p.proposedAt()), p.proposedBy().orElse("—")), "class", "muted");
        p.approvedBy().ifPresent(a -> h.element("p", v.labels().format("reshare.approved-by", a,
                p.approvedAt().map(v::time).orElse("—"), p.noticeReference().orElse("—")), "class", "ok"));
        p.rejection().ifPresent(r -> h.element("p", v.labels().format("reshare.rejected-by", r.person().orElse(r.by()),
                v.time(r.at()), r.reason()), "class", "failed rejection"));
        h.open("section", "class", "panel").element("h2", v.labels().format("reshare.removals", p.redactions().size()));
        h.open("ul", "class", "removals");
        for (Redaction r : p.redactions()) {
            h.open("li").element("code", r.field()).text(": ").element("del", r.original()).text(" → ")
                    .element("ins", r.replacement()).element("small", " (" + r.kind().name().toLowerCase(java.util.Locale.ROOT) + ")",
                            "class", "muted").close("li");
        }
        h.close("ul").close("section");
        if (!p.warnings().isEmpty()) {
            h.open("section", "class", "panel warn").element("h2", v.t("reshare.warnings")).open("ul");
            p.warnings().forEach(w -> h.element("li", w));
            h.close("ul").close("section");
        }
        h.open("section", "class", "panel").element("h2", v.t("reshare.as-sent"))
                .element("p", p.title(), "class", "title").element("p", p.summary(), "class", "summary")
                .element("pre", p.body(), "class", "body").close("section");
        if (p.state() == ReshareProposal.State.PROPOSED && Layout.may(v.app().authorisation(), v.actor(), Action.APPROVE_RESHARE)) {
            h.open("form", "method", "post", "action", "/reshare/" + p.label() + "/approve").csrf(v.csrf())
                    .element("p", v.t("reshare.four-eyes"), "class", "muted")
                    .element("button", v.t("reshare.approve"), "type", "submit").close("form");
        }
        if (p.state() == ReshareProposal.State.PROPOSED && Layout.may(v.app().authorisation(), v.actor(), Action.REJECT_RESHARE)) {
            h.open("form", "method", "post", "action", "/reshare/" + p.label() + "/reject", "class", "stacked reject").csrf(v.csrf())
                    .open("label").text(v.t("reshare.reason") + " ")
                    .open("textarea", "name", "reason", "rows", "3", "required", "required", "maxlength",
                            String.valueOf(Rejection.REASON_MAX)).close("textarea").close("label")
                    .element("p", v.t("reshare.reject.four-eyes"), "class", "muted")
                    .element("button", v.t("reshare.reject"), "type", "submit").close("form");
        }
        return View.ok(v.labels().format("reshare.title", p.label()), h);
    }

    /** The approver's "no": the reason is required and bounded (a 400 naming the field otherwise, nothing stored). */
    View reject(Visit v) {
        String reason = v.required("reason");
        if (reason.length() > Rejection.REASON_MAX) {
            throw new Visit.FormException("reason", v.labels().format("error.field.long", "reason", Rejection.REASON_MAX));
        }
        ReshareProposal p = v.app().rejectReshare().reject(v.actor(), v.param("id"), reason);
        Html h = new Html().open("p", "class", "receipt").text(v.labels().format("reshare.rejected.done", p.label()) + " ")
                .element("a", p.label(), "href", "/reshare/" + p.label(), "class", "reference").close("p");
        return View.ok(v.t("reshare.rejected"), h);
    }

    View approve(Visit v) {
        ReshareApproved a = v.app().approveReshare().approve(v.actor(), v.param("id"));
        Html h = new Html().open("p", "class", "ok receipt").text(v.labels().format("reshare.sent", a.proposal().label()) + " ")
                .element("a", a.reference(), "href", "/notices/" + a.reference(), "class", "reference").close("p");
        return View.ok(v.t("reshare.approved"), h);
    }

    View statistics(Visit v) {
        String asked = v.query("period").orElse("FY" + FiscalQuarter.fiscalYearOf(v.clock().instant()));
        Matcher m = PERIOD.matcher(asked);
        if (!m.matches()) {
            throw new Visit.FormException("period", v.labels().format("error.field.period", asked));
        }
        StatisticsPeriod period = m.group(2) == null ? StatisticsPeriod.fiscalYear(Integer.parseInt(m.group(1)))
                : StatisticsPeriod.quarter(new FiscalQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        SharingStatistics s = v.app().statistics().table(v.actor(), period);
        boolean ja = v.labels().language().equals("ja");
        Html h = new Html();
        h.open("form", "method", "get", "action", "/stats", "class", "inline").open("label").text(v.t("stats.period") + " ")
                .empty("input", "type", "text", "name", "period", "value", asked, "placeholder", "FY2026-Q3").close("label")
                .element("button", v.t("stats.show"), "type", "submit").close("form");
        h.element("h2", ja ? s.titleJa() : s.titleEn());
        h.open("div", "class", "scroll").open("table").open("thead").open("tr").element("th", "");
        s.columns().forEach(c -> h.element("th", ja ? c.japanese() : c.english()));
        h.close("tr").close("thead").open("tbody");
        for (SharingStatistics.Line line : s.lines()) {
            h.open("tr").element("th", ja ? line.row().labelJa() : line.row().labelEn());
            for (int i = 0; i < s.columns().size(); i++) {
                h.element("td", s.cell(line, i), "class", "num");
            }
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
        if (!s.notes().isEmpty()) {
            h.open("ul", "class", "muted");
            s.notes().forEach(n -> h.element("li", n));
            h.close("ul");
        }
        return View.ok(v.t("stats.title"), h);
    }

    View directory(Visit v) {
        DirectorySummary d = v.app().directoryView().view(v.actor());
        Html h = new Html();
        for (DirectorySummary.OrganisationEntry o : d.organisations()) {
            h.open("section", "class", "panel org").open("h2").text(o.name() + " ").element("small", o.id() + " · " + o.kind(), "class", "muted")
                    .close("h2");
            if (!o.sectors().isEmpty()) {
                h.element("p", v.t("directory.sectors") + ": " + String.join(", ", o.sectors()));
            }
            if (!o.members().isEmpty()) {
                h.element("p", v.t("directory.members") + ": " + String.join(", ", o.members()));
            }
            BoardPages.table(h, v, java.util.List.of("col.poc", "directory.name", "directory.role", "col.channels", "directory.people"),
                    o.contacts().stream().map(c -> java.util.List.of(c.id() + (c.standby() ? " (" + v.t("directory.standby") + ")" : ""),
                            c.name(), c.role(), String.join(", ", c.channels()) + (c.encrypted() ? " 🔒" : ""),
                            String.join(", ", c.people()))).toList(), -1);
            h.close("section");
        }
        return View.ok(v.t("directory.title"), h);
    }
}
