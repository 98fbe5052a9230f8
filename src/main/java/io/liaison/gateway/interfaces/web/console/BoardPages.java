package io.liaison.gateway.interfaces.web.console;

import io.liaison.gateway.application.Action;
import io.liaison.gateway.application.DutyBoardView;
import io.liaison.gateway.application.QuarantinedMessage;
import io.liaison.gateway.application.ResendOutcome;
import io.liaison.gateway.directory.OrganisationKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** NISC's pages: the duty board (live), resending failed deliveries, the quarantine. And each role's home. */
final class BoardPages {
    private static final Duration WINDOW = Duration.ofHours(48);
    private static final int MAX_QUARANTINE = 200;

    /** {@code /}: the duty board for NISC, the inbox for everyone else (an operator's SOC also files reports from there). */
    View home(Visit v) {
        if (v.actor().kind() == OrganisationKind.NISC && Layout.may(v.app().authorisation(), v.actor(), Action.VIEW_DUTY_BOARD)) {
            throw new ConsoleDoor.Redirect("/board");
        }
        throw new ConsoleDoor.Redirect("/inbox");
    }

    View board(Visit v) {
        DutyBoardView board = v.app().dutyBoard().board(v.actor(), WINDOW);
        boolean resend = Layout.may(v.app().authorisation(), v.actor(), Action.RESEND_DELIVERY);
        Html h = new Html();
        h.element("p", v.labels().format("board.at", v.time(board.at())), "class", "muted");

        h.open("section", "class", "panel", "id", "in-flight").element("h2", v.t("board.in-flight"));
        if (board.inFlight().isEmpty()) {
            h.element("p", v.t("board.none"), "class", "muted");
        }
        for (DutyBoardView.BoardNotice n : board.inFlight()) {
            h.open("article", "class", "notice");
            h.open("h3").append(Layout.tlp(n.notice().level())).text(" ")
                    .element("a", n.notice().reference(), "href", "/notices/" + n.notice().reference()).text(" ")
                    .append(Layout.exercise(n.notice().exercise(), v.labels())).text(" " + n.notice().title()).close("h3");
            h.element("p", n.notice().kind() + " · " + n.notice().originator() + " · " + v.time(n.notice().createdAt()), "class", "muted");
            h.open("div", "class", "scroll").open("table").open("thead").open("tr")
                    .element("th", v.t("col.organisation")).element("th", v.t("col.channels")).element("th", v.t("col.confirmed"))
                    .close("tr").close("thead").open("tbody");
            for (DutyBoardView.RecipientState r : n.recipients()) {
                h.open("tr").element("td", r.organisationId()).open("td");
                for (Map.Entry<String, String> c : new java.util.TreeMap<>(r.channels()).entrySet()) {
                    h.element("span", c.getKey() + ": " + c.getValue(), "class", "state state-" + stateClass(c.getValue())).text(" ");
                }
                h.close("td");
                h.element("td", r.confirmedAt().map(at -> v.time(at) + r.confirmedBy().map(p -> " (" + p + ")").orElse(""))
                        .orElse(v.t("board.not-yet")), "class", r.confirmedAt().isPresent() ? "ok" : "warn");
                h.close("tr");
            }
            h.close("tbody").close("table").close("div");
            if (!n.fired().isEmpty() || !n.due().isEmpty()) {
                h.open("ul", "class", "escalations");
                for (DutyBoardView.EscalationFired f : n.fired()) {
                    h.element("li", v.labels().format("board.fired", f.organisationId(), f.step(), f.action(), v.time(f.at()))
                            + (f.detail().isBlank() ? "" : " — " + f.detail()));
                }
                for (DutyBoardView.EscalationDue d : n.due()) {
                    h.element("li", v.labels().format("board.due", d.organisationId(), v.time(d.deadlineAt()),
                            d.nextStepAt().map(v::time).orElse("—"), d.stepsTaken(), d.totalSteps()), "class", "warn");
                }
                h.close("ul");
            }
            h.close("article");
        }
        h.close("section");

        h.open("section", "class", "panel", "id", "not-confirmed").element("h2", v.t("board.not-confirmed"));
        table(h, v, List.of("col.reference", "col.organisation", "col.deadline", "col.state"), board.notConfirmed().stream()
                .map(n -> List.of(n.reference(), n.organisationId(), v.time(n.deadlineAt()),
                        n.exhausted() ? v.t("board.exhausted") : v.t("board.waiting"))).toList(), 0);
        h.close("section");

        h.open("section", "class", "panel", "id", "failed").element("h2", v.t("board.failed"));
        if (board.failed().isEmpty()) {
            h.element("p", v.t("board.none"), "class", "muted");
        } else {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            for (String c : List.of("col.reference", "col.organisation", "col.poc", "col.channel", "col.reason", "col.time", "col.action")) {
                h.element("th", v.t(c));
            }
            h.close("tr").close("thead").open("tbody");
            for (DutyBoardView.FailedDelivery f : board.failed()) {
                h.open("tr").open("td").element("a", f.reference(), "href", "/notices/" + f.reference()).close("td")
                        .element("td", f.organisationId()).element("td", f.pocId()).element("td", f.channel())
                        .element("td", f.reason()).element("td", v.time(f.at())).open("td");
                if (resend) {
                    h.open("form", "method", "post", "action", "/deliveries/" + f.deliveryId() + "/resend").csrf(v.csrf())
                            .element("button", v.t("board.resend"), "type", "submit").close("form");
                }
                h.close("td").close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
        h.close("section");

        h.open("section", "class", "panel", "id", "quarantined").element("h2", v.t("board.quarantined"));
        quarantineTable(h, v, board.quarantined());
        h.close("section");
        return View.live(v.t("board.title"), h);
    }

    View quarantine(Visit v) {
        List<QuarantinedMessage> list = v.app().quarantineReview().list(v.actor(), MAX_QUARANTINE);
        Html h = new Html();
        h.element("p", v.t("quarantine.intro"), "class", "muted");
        quarantineTable(h, v, list);
        return View.live(v.t("quarantine.title"), h);
    }

    View resendOne(Visit v) {
        long id;
        try {
            id = Long.parseLong(v.param("id"));
        } catch (NumberFormatException e) {
            throw new Visit.FormException("id", v.labels().format("error.field.number", "id"));
        }
        return outcome(v, v.app().resendDelivery().resend(v.actor(), id));
    }

    View resendAll(Visit v) {
        return outcome(v, v.app().resendDelivery().resendAllFailed(v.actor(), v.param("reference")));
    }

    private static View outcome(Visit v, ResendOutcome o) {
        Html h = new Html();
        h.element("p", v.labels().format("resend.requeued", o.requeued().size()), "class", o.requeued().isEmpty() ? "warn" : "ok");
        if (!o.notResent().isEmpty()) {
            table(h, v, List.of("col.organisation", "col.poc", "col.channel", "col.reason"), o.notResent().stream()
                    .map(n -> List.of(n.organisationId(), n.pocId(), n.channel(), n.reason())).toList(), -1);
        }
        h.open("p").element("a", v.t("nav.board"), "href", "/board").close("p");
        return View.ok(v.t("resend.title"), h);
    }

    private static void quarantineTable(Html h, Visit v, List<QuarantinedMessage> list) {
        table(h, v, List.of("col.time", "col.reason", "col.claimed-from", "col.subject", "col.told"), list.stream()
                .map(q -> List.of(v.time(q.receivedAt()), q.reasonCode() + (q.reason().isBlank() ? "" : ": " + q.reason()),
                        q.claimedFrom().orElse("—"), q.subject().orElse("—"), q.registeredContactTold())).toList(), -1);
    }

    /** A table of text cells; {@code linkColumn} holds a notice reference shown as its link (−1: none). */
    static void table(Html h, Visit v, List<String> headings, List<List<String>> rows, int linkColumn) {
        if (rows.isEmpty()) {
            h.element("p", v.t("board.none"), "class", "muted");
            return;
        }
        h.open("div", "class", "scroll").open("table").open("thead").open("tr");
        headings.forEach(c -> h.element("th", v.t(c)));
        h.close("tr").close("thead").open("tbody");
        for (List<String> row : rows) {
            h.open("tr");
            for (int i = 0; i < row.size(); i++) {
                if (i == linkColumn) {
                    h.open("td").element("a", row.get(i), "href", "/notices/" + row.get(i)).close("td");
                } else {
                    h.element("td", row.get(i));
                }
            }
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
    }

    private static String stateClass(String state) {
        if (state.contains("failed")) {
            return "failed";
        }
        if (state.equals("delivered")) {
            return "delivered";
        }
        return state.equals("sent") ? "sent" : "queued";
    }
}
