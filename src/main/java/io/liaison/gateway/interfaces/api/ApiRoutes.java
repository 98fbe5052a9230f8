package io.liaison.gateway.interfaces.api;

import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.ApproveReshare;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.reshare.Grounds;
import io.liaison.gateway.reshare.ProposalFilter;
import io.liaison.gateway.reshare.Rejection;
import io.liaison.gateway.reshare.ReshareRequest;
import io.liaison.gateway.interfaces.http.Problem;
import io.liaison.gateway.stats.FiscalQuarter;
import io.liaison.gateway.stats.StatisticsPeriod;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The API's route table: every endpoint once, over one application use case each. */
final class ApiRoutes {
    private static final Set<String> NOTICE_FILE = Set.of("name", "content");
    private static final int MAX_QUARANTINE = 200;
    private static final int LIST_DEFAULT = 50;
    private static final Set<String> RESHARE_REQUEST = Set.of("incident", "report", "grounds", "level", "sectors",
            "includeDependentSectors", "redact");
    /** The top-level items of an incident report (docs/inbound-format.md); the door adds liaison and type. */
    static final Set<String> INCIDENT_REPORT = Set.of("incident", "contact", "tlp", "exercise", "summary", "trigger", "event_type",
            "causes", "affected_system", "response", "spread", "notes", "do_not_share");

    private ApiRoutes() {
    }

    static List<ApiRoute> of(Application app) {
        return List.of(
                new ApiRoute(HttpMethod.POST, "/notices", "Send a notice file (YAML in 'content')", true, true, NOTICE_FILE, 201,
                        c -> app.sendNotice().send(c.actor(), noticeFile(c))),
                new ApiRoute(HttpMethod.POST, "/notices/preview", "Preview a notice: recipients, refusals and markings; nothing is sent",
                        false, false, NOTICE_FILE, 200, c -> app.previewNotice().preview(c.actor(), noticeFile(c))),
                new ApiRoute(HttpMethod.GET, "/notices", "The notices the caller's organisation received or sent", false, false,
                        Set.of(), 200, c -> Map.of("notices", app.noticeStatus().inbox(c.actor()))),
                new ApiRoute(HttpMethod.GET, "/notices/{reference}", "A notice's deliveries, confirmations and escalations",
                        false, false, Set.of(), 200, c -> app.noticeStatus().status(c.actor(), c.param("reference"))),
                new ApiRoute(HttpMethod.POST, "/notices/{reference}/forward",
                        "Forward (liaison → its sectors' CEPTOARs) or relay (CEPTOAR → members, council → CEPTOARs)", true, true,
                        Set.of("to", "toMembers"), 201, c -> app.forwardNotice().forward(c.actor(), c.param("reference"),
                                c.input().texts("to"), c.input().flag("toMembers"))),
                new ApiRoute(HttpMethod.POST, "/notices/{reference}/confirm", "Confirm a notice for the caller's point of contact",
                        true, false, Set.of("note"), 200, c -> app.confirmNotice().confirm(c.actor(), c.param("reference"),
                                java.util.Optional.empty(), c.input().optionalText("note"))),
                new ApiRoute(HttpMethod.POST, "/notices/{reference}/resend", "Send every failed delivery of a notice again", true, true,
                        Set.of(), 200, c -> app.resendDelivery().resendAllFailed(c.actor(), c.param("reference"))),
                new ApiRoute(HttpMethod.POST, "/deliveries/{id}/resend", "Send one failed delivery again", true, true, Set.of(), 200,
                        c -> app.resendDelivery().resend(c.actor(), deliveryId(c.param("id")))),
                new ApiRoute(HttpMethod.GET, "/board", "The duty board: in flight, not confirmed, failed, quarantined", false, false,
                        Set.of(), 200, c -> app.dutyBoard().board(c.actor(), Duration.ofHours(hours(c))))
                        .query("hours", "how far back, 1-744 (default 48)"),
                new ApiRoute(HttpMethod.GET, "/quarantine", "Quarantined inbound: reason, claimed sender, contact told", false, false,
                        Set.of(), 200, c -> Map.of("messages", app.quarantineReview().list(c.actor(), MAX_QUARANTINE))),
                new ApiRoute(HttpMethod.POST, "/incidents", "File an incident report (第1報 or 第N報) for the caller's organisation;"
                        + " the body is the report of docs/inbound-format.md as JSON", true, true, INCIDENT_REPORT, 201,
                        c -> app.fileIncidentReport().file(c.actor(), c.input().object().copy().put("liaison", 1)
                                .put("type", "incident-report").encode())),
                new ApiRoute(HttpMethod.GET, "/incidents/{organisation}/{incident}", "An incident's reports (第1報, 第N報) in order",
                        false, false, Set.of(), 200,
                        c -> app.incidentView().thread(c.actor(), c.param("organisation") + "/" + c.param("incident"))),
                new ApiRoute(HttpMethod.POST, "/reshares", "Propose a sanitised re-share of an incident report; sends nothing",
                        true, false, RESHARE_REQUEST, 201, c -> {
                            // the label (RS-0001) is what the approver names; the record alone carries only its number
                            var p = app.proposeReshare().propose(c.actor(), reshareRequest(c));
                            return Map.of("label", p.label(), "proposal", p);
                        }),
                new ApiRoute(HttpMethod.GET, "/reshares", "Re-share proposals, newest first (state=pending|approved|rejected|all,"
                        + " default pending; limit 1-" + ApproveReshare.MAX_LIST + ", default " + LIST_DEFAULT + ")", false, false,
                        Set.of(), 200, c -> {
                            ProposalFilter filter = proposalFilter(c);
                            return Map.of("state", filter.word(), "proposals",
                                    app.approveReshare().list(c.actor(), filter, limit(c)));
                        }).query("state", "pending (default: awaiting a decision), approved, rejected or all")
                        .query("limit", "at most this many, newest first: 1-" + ApproveReshare.MAX_LIST + " (default " + LIST_DEFAULT + ")"),
                new ApiRoute(HttpMethod.GET, "/reshares/{label}", "A re-share proposal with every removal", false, false, Set.of(), 200,
                        c -> app.approveReshare().show(c.actor(), c.param("label"))),
                new ApiRoute(HttpMethod.POST, "/reshares/{label}/approve", "Approve a re-share (a NISC approver, not its proposer)",
                        true, true, Set.of(), 201, c -> app.approveReshare().approve(c.actor(), c.param("label"))),
                new ApiRoute(HttpMethod.POST, "/reshares/{label}/reject", "Reject a re-share with a reason (a NISC approver, not its"
                        + " proposer); nothing is sent and the proposal is final", true, true, Set.of("reason"), 200,
                        c -> app.rejectReshare().reject(c.actor(), c.param("label"), rejectionReason(c))),
                new ApiRoute(HttpMethod.GET, "/statistics", "Sharing statistics (period=FY2026 or FY2026-Q2)", false, false, Set.of(),
                        200, c -> app.statistics().table(c.actor(), period(c))).query("period", "required: FY2026 or FY2026-Q2"),
                new ApiRoute(HttpMethod.GET, "/directory", "The directory as the caller may see it", false, false, Set.of(), 200,
                        c -> app.directoryView().view(c.actor())));
    }

    private static NoticeFile noticeFile(ApiCall c) {
        String name = c.input().optionalText("name").orElse("api-notice.yaml");
        return new NoticeFile(name, c.input().requiredText("content").getBytes(StandardCharsets.UTF_8));
    }

    private static ReshareRequest reshareRequest(ApiCall c) {
        JsonInput in = c.input();
        String g = in.requiredText("grounds");
        Grounds grounds = Grounds.parse(g).orElseThrow(() ->
                Problem.badRequest("grounds", "grounds '" + g + "' is not one of " + Grounds.accepted()).raise());
        Optional<Tlp> level = in.optionalText("level").map(l ->
                Tlp.parse(l).orElseThrow(() -> Problem.badRequest("level", "level '" + l
                        + "' is not a TLP 2.0 label; use one of " + Tlp.acceptedLabels()).raise()));
        Object report = in.object().getValue("report");
        if (report != null && !(report instanceof Integer)) {
            throw Problem.badRequest("report", "report must be a whole number (第N報)").raise();
        }
        return new ReshareRequest(in.requiredText("incident"),
                Optional.ofNullable((Integer) report), grounds, level, in.texts("sectors"),
                in.flag("includeDependentSectors"), in.texts("redact"));
    }

    private static ProposalFilter proposalFilter(ApiCall c) {
        String asked = c.query("state").orElse(ProposalFilter.PENDING.word());
        return ProposalFilter.parse(asked).orElseThrow(() -> Problem.badRequest("state", "state must be one of "
                + ProposalFilter.accepted() + ", was '" + asked + "'").raise());
    }

    private static int limit(ApiCall c) {
        String l = c.query("limit").orElse(String.valueOf(LIST_DEFAULT));
        try {
            int v = Integer.parseInt(l);
            if (v < 1 || v > ApproveReshare.MAX_LIST) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("limit", "limit must be 1.." + ApproveReshare.MAX_LIST + ", was '" + l + "'").raise();
        }
    }

    /** Checked here too, so that a missing or too long reason is a 400 naming the field, before anything runs. */
    private static String rejectionReason(ApiCall c) {
        String reason = c.input().requiredText("reason").strip();
        if (reason.isEmpty() || reason.length() > Rejection.REASON_MAX) {
            throw Problem.badRequest("reason", "reason must be 1 to " + Rejection.REASON_MAX + " characters, was "
                    + reason.length()).raise();
        }
        return reason;
    }

    private static long deliveryId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("id", "delivery id must be a number, was '" + id + "'").raise();
        }
    }

    private static int hours(ApiCall c) {
        String h = c.query("hours").orElse("48");
        try {
            int v = Integer.parseInt(h);
            if (v < 1 || v > 24 * 31) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw Problem.badRequest("hours", "hours must be 1..744, was '" + h + "'").raise();
        }
    }

    private static StatisticsPeriod period(ApiCall c) {
        String p = c.query("period").orElseThrow(() -> Problem.badRequest("period", "period is required: FY2026 or FY2026-Q2").raise());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("FY(\\d{4})(?:-(Q[1-4]))?").matcher(p);
        if (!m.matches()) {
            throw Problem.badRequest("period", "period must be FY2026 or FY2026-Q2, was '" + p + "'").raise();
        }
        if (m.group(2) == null) {
            return StatisticsPeriod.fiscalYear(Integer.parseInt(m.group(1)));
        }
        return StatisticsPeriod.quarter(FiscalQuarter.parse(m.group(1) + m.group(2)).orElseThrow(() ->
                Problem.badRequest("period", "period must be FY2026 or FY2026-Q2, was '" + p + "'").raise()));
    }
}
