package io.liaison.gateway.interfaces.web.console;

import io.liaison.gateway.application.Action;
import io.liaison.gateway.application.ConfirmationResult;
import io.liaison.gateway.application.ForwardPreview;
import io.liaison.gateway.application.Idempotency;
import io.liaison.gateway.application.NoticeAccepted;
import io.liaison.gateway.application.NoticeDetail;
import io.liaison.gateway.application.NoticePreview;
import io.liaison.gateway.application.NoticeSummary;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.marking.Tlp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A notice with its chain and deliveries; confirming it; forwarding or relaying it with the gate's
 * verdict shown first; composing one with a preview before it is sent; the organisation's inbox.
 * What sends carries a one-time key in a hidden field: a second submit of the same form gets the
 * first answer, and nothing is sent twice.
 */
final class NoticePages {
    private static final Pattern KEY = Pattern.compile("console-[0-9a-f-]{36}");
    private static final List<String> KINDS = List.of("early-warning", "provision");
    private static final List<String> COMPOSE_FIELDS = List.of("kind", "level", "title", "summary", "body", "sectors", "organisations",
            "exercise");

    private final Idempotency idempotency;

    NoticePages(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    View inbox(Visit v) {
        List<NoticeSummary> notices = v.app().noticeStatus().inbox(v.actor());
        Html h = new Html();
        if (Layout.may(v.app().authorisation(), v.actor(), Action.FILE_INCIDENT_REPORT)) {
            h.open("p").element("a", v.t("incidents.new"), "href", "/incidents/new", "class", "button").close("p");
        }
        noticeList(h, v, notices);
        return View.live(v.t("inbox.title"), h);
    }

    static void noticeList(Html h, Visit v, List<NoticeSummary> notices) {
        if (notices.isEmpty()) {
            h.element("p", v.t("inbox.empty"), "class", "muted");
            return;
        }
        h.open("ul", "class", "notices");
        for (NoticeSummary n : notices) {
            h.open("li").append(Layout.tlp(n.level())).text(" ")
                    .element("a", n.reference(), "href", "/notices/" + n.reference()).text(" ")
                    .append(Layout.exercise(n.exercise(), v.labels()))
                    .element("span", " " + n.title(), "class", "title")
                    .element("small", " " + n.kind() + " · " + n.originator() + " · " + v.time(n.createdAt()), "class", "muted")
                    .close("li");
        }
        h.close("ul");
    }

    View notice(Visit v) {
        String reference = v.param("reference");
        NoticeDetail s = v.app().noticeStatus().detail(v.actor(), reference);
        NoticeSummary n = s.notice();
        Html h = new Html();
        h.open("p", "class", "marking").append(Layout.tlp(n.level())).text(" ")
                .append(Layout.exercise(n.exercise(), v.labels()))
                .element("span", " " + n.kind() + " · " + n.originator() + " (" + s.senderPoc() + ") · "
                        + v.time(n.createdAt()), "class", "muted").close("p");
        h.element("p", s.summary(), "class", "summary");
        h.element("pre", s.body(), "class", "body");

        h.open("section", "class", "panel").element("h2", v.t("notice.chain"));
        BoardPages.table(h, v, List.of("col.action", "col.organisation", "col.poc", "col.time"), s.chain().stream()
                .map(x -> List.of(x.action(), x.organisationId(), x.pocId(), v.time(x.at()))).toList(), -1);
        h.close("section");

        h.open("section", "class", "panel").element("h2", v.t("notice.deliveries"));
        List<List<String>> rows = new ArrayList<>();
        for (NoticeDetail.DeliveryLine d : s.deliveries()) {
            rows.add(List.of(d.organisationId(), d.pocId(), d.channel(), d.state(), String.valueOf(d.attempts()),
                    d.lastError().orElse("")));
        }
        BoardPages.table(h, v, List.of("col.organisation", "col.poc", "col.channel", "col.state", "col.attempts", "col.reason"), rows, -1);
        if (!s.refusals().isEmpty()) {
            h.element("h3", v.t("notice.refusals"));
            BoardPages.table(h, v, List.of("col.organisation", "col.poc", "col.channel", "col.reason"), s.refusals().stream()
                    .map(r -> List.of(r.organisationId(), r.pocId().orElse("—"), r.channel().orElse("—"), r.reason())).toList(), -1);
        }
        if (Layout.may(v.app().authorisation(), v.actor(), Action.RESEND_DELIVERY) && s.anyFailed()) {
            h.open("form", "method", "post", "action", "/notices/" + n.reference() + "/resend").csrf(v.csrf())
                    .element("button", v.t("notice.resend-all"), "type", "submit").close("form");
        }
        h.close("section");

        h.open("section", "class", "panel").element("h2", v.t("notice.confirmations"));
        BoardPages.table(h, v, List.of("col.organisation", "col.poc", "col.channel", "col.state", "col.time"), s.confirmations().stream()
                .map(c -> List.of(c.organisationId().orElse("—"), c.pocId().orElse("—"), c.channel(), c.verdict(), v.time(c.at())))
                .toList(), -1);
        if (Layout.may(v.app().authorisation(), v.actor(), Action.CONFIRM_NOTICE)) {
            h.open("form", "method", "post", "action", "/notices/" + n.reference() + "/confirm", "class", "inline").csrf(v.csrf())
                    .open("label").text(v.t("notice.note") + " ").empty("input", "type", "text", "name", "note", "maxlength", "500")
                    .close("label").element("button", v.t("notice.confirm"), "type", "submit").close("form");
        }
        h.close("section");

        if (!s.followUps().isEmpty()) {
            h.open("section", "class", "panel").element("h2", v.t("notice.follow-ups"));
            h.open("ul");
            for (NoticeSummary f : s.followUps()) {
                h.open("li").append(Layout.tlp(f.level())).text(" ")
                        .element("a", f.reference(), "href", "/notices/" + f.reference()).text(" " + f.title()).close("li");
            }
            h.close("ul").close("section");
        }
        if (Layout.may(v.app().authorisation(), v.actor(), Action.FORWARD_NOTICE)) {
            h.open("section", "class", "panel").element("h2", v.t("notice.forward"));
            h.open("form", "method", "post", "action", "/notices/" + n.reference() + "/forward").csrf(v.csrf())
                    .empty("input", "type", "hidden", "name", "step", "value", "preview")
                    .open("label").text(v.t("forward.to") + " ")
                    .empty("input", "type", "text", "name", "to", "placeholder", "power-ceptoar, gas-ceptoar").close("label")
                    .open("label").empty("input", "type", "checkbox", "name", "toMembers", "value", "yes")
                    .text(" " + v.t("forward.members")).close("label")
                    .element("button", v.t("forward.preview"), "type", "submit").close("form");
            h.close("section");
        }
        return View.live(n.reference() + " " + n.title(), h);
    }

    View confirm(Visit v) {
        ConfirmationResult r = v.app().confirmNotice().confirm(v.actor(), v.param("reference"), Optional.empty(), v.field("note"));
        Html h = new Html().element("p", r.message(), "class", r.accepted() ? "ok" : "warn");
        h.open("p").element("a", v.t("back"), "href", "/notices/" + v.param("reference")).close("p");
        return View.ok(v.t(r.accepted() ? "confirm.done" : "confirm.not-counted"), h);
    }

    View forward(Visit v) {
        String reference = v.param("reference");
        List<String> to = list(v.field("to"));
        boolean members = v.checked("toMembers");
        if (to.isEmpty() && !members) {
            throw new Visit.FormException("to", v.t("forward.nobody"));
        }
        if (!v.field("step").orElse("preview").equals("send")) {
            ForwardPreview p = v.app().forwardNotice().preview(v.actor(), reference, to, members);
            Html h = new Html();
            recipients(h, v, p.recipients(), p.refusals());
            h.open("form", "method", "post", "action", "/notices/" + reference + "/forward").csrf(v.csrf())
                    .empty("input", "type", "hidden", "name", "step", "value", "send")
                    .empty("input", "type", "hidden", "name", "key", "value", "console-" + UUID.randomUUID())
                    .empty("input", "type", "hidden", "name", "to", "value", String.join(", ", to))
                    .empty("input", "type", "hidden", "name", "toMembers", "value", members ? "yes" : null)
                    .element("button", v.t("forward.send"), "type", "submit", "disabled", p.recipients().isEmpty() ? "disabled" : null)
                    .close("form");
            return View.ok(v.labels().format("forward.preview.title", reference), h);
        }
        String fragment = once(v, () -> {
            NoticeAccepted a = v.app().forwardNotice().forward(v.actor(), reference, to, members);
            return accepted(v, a).toString();
        });
        return View.ok(v.t("forward.done"), raw(fragment));
    }

    View compose(Visit v) {
        Layout.require(v, Action.SEND_NOTICE);
        Html h = new Html();
        composeForm(h, v, Map.of());
        return View.ok(v.t("compose.title"), h);
    }

    View composed(Visit v) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String f : COMPOSE_FIELDS) {
            v.field(f).ifPresent(x -> form.put(f, x));
        }
        NoticeFile file = noticeFile(v, form);
        if (!v.field("step").orElse("preview").equals("send")) {
            NoticePreview p = v.app().previewNotice().preview(v.actor(), file);
            Html h = new Html();
            h.open("p", "class", "marking").append(Layout.tlp(p.level())).text(" ").append(Layout.exercise(p.exercise(), v.labels()))
                    .element("strong", " " + p.title()).close("p");
            recipients(h, v, p.recipients(), p.refusals());
            h.open("section", "class", "panel").element("h2", v.t("compose.markings"))
                    .open("dl").element("dt", v.t("compose.marking.subject")).element("dd", p.markings().emailSubject())
                    .element("dt", v.t("compose.marking.banner")).open("dd");
            p.markings().emailBanner().forEach(line -> h.element("div", line));
            h.close("dd").element("dt", v.t("compose.marking.sms")).element("dd", p.markings().sms()).close("dl").close("section");
            h.open("form", "method", "post", "action", "/compose").csrf(v.csrf())
                    .empty("input", "type", "hidden", "name", "step", "value", "send")
                    .empty("input", "type", "hidden", "name", "key", "value", "console-" + UUID.randomUUID());
            form.forEach((k, x) -> h.empty("input", "type", "hidden", "name", k, "value", x));
            h.element("button", v.t("compose.send"), "type", "submit", "disabled", p.recipients().isEmpty() ? "disabled" : null)
                    .close("form");
            h.element("h2", v.t("compose.edit"));
            composeForm(h, v, form);
            return View.ok(v.t("compose.preview.title"), h);
        }
        String fragment = once(v, () -> accepted(v, v.app().sendNotice().send(v.actor(), file)).toString());
        return View.ok(v.t("compose.sent"), raw(fragment));
    }

    private static void composeForm(Html h, Visit v, Map<String, String> form) {
        h.open("form", "method", "post", "action", "/compose", "class", "stacked").csrf(v.csrf())
                .empty("input", "type", "hidden", "name", "step", "value", "preview");
        h.open("label").text(v.t("compose.from") + " ").element("output", v.actor().pocId()).close("label");
        h.open("label").text(v.t("compose.kind") + " ").open("select", "name", "kind");
        for (String k : KINDS) {
            h.element("option", v.t("kind." + k), "value", k, "selected", k.equals(form.get("kind")) ? "selected" : null);
        }
        h.close("select").close("label");
        h.open("label").text(v.t("compose.level") + " ").open("select", "name", "level");
        for (Tlp t : Tlp.values()) {
            h.element("option", t.label(), "value", t.label(), "selected",
                    t.label().equals(form.getOrDefault("level", "TLP:AMBER")) ? "selected" : null);
        }
        h.close("select").close("label");
        input(h, v, form, "title", "compose.title-field", 200);
        input(h, v, form, "summary", "compose.summary", 400);
        h.open("label").text(v.t("compose.body") + " ").open("textarea", "name", "body", "rows", "10", "required", "required")
                .text(form.getOrDefault("body", "")).close("textarea").close("label");
        input(h, v, form, "sectors", "compose.sectors", 400);
        input(h, v, form, "organisations", "compose.organisations", 400);
        h.open("label").empty("input", "type", "checkbox", "name", "exercise", "value", "yes", "checked",
                form.containsKey("exercise") ? "checked" : null).text(" " + v.t("compose.exercise")).close("label");
        h.element("button", v.t("compose.preview"), "type", "submit").close("form");
    }

    private static void input(Html h, Visit v, Map<String, String> form, String name, String label, int max) {
        h.open("label").text(v.t(label) + " ").empty("input", "type", "text", "name", name, "maxlength", String.valueOf(max),
                "value", form.getOrDefault(name, "")).close("label");
    }

    /** The form as the notice file the gateway reads, sent as the actor's own point of contact. */
    private static NoticeFile noticeFile(Visit v, Map<String, String> form) {
        String kind = form.getOrDefault("kind", "");
        if (!KINDS.contains(kind)) {
            throw new Visit.FormException("kind", v.labels().format("error.field.one-of", "kind", String.join(", ", KINDS)));
        }
        for (String required : List.of("title", "summary", "body")) {
            if (!form.containsKey(required)) {
                throw new Visit.FormException(required, v.labels().format("error.field.missing", required));
            }
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("kind", kind);
        yaml.put("level", form.getOrDefault("level", "TLP:AMBER"));
        yaml.put("from", v.actor().pocId());
        yaml.put("title", form.get("title"));
        yaml.put("summary", form.get("summary"));
        yaml.put("body", form.get("body"));
        if (form.containsKey("exercise")) {
            yaml.put("exercise", true);
        }
        Map<String, Object> target = new LinkedHashMap<>();
        List<String> sectors = list(Optional.ofNullable(form.get("sectors")));
        List<String> organisations = list(Optional.ofNullable(form.get("organisations")));
        if (!sectors.isEmpty()) {
            target.put("sectors", sectors);
        }
        if (!organisations.isEmpty()) {
            target.put("organisations", organisations);
        }
        if (target.isEmpty()) {
            throw new Visit.FormException("sectors", v.t("compose.no-target"));
        }
        yaml.put("target", target);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        return new NoticeFile("console.yaml", new Yaml(options).dump(yaml).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> list(Optional<String> text) {
        return text.map(t -> Arrays.stream(t.split("[,\\s、]+")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    static void recipients(Html h, Visit v, List<NoticePreview.Recipient> recipients, List<NoticePreview.Refused> refusals) {
        h.open("section", "class", "panel").element("h2", v.labels().format("preview.recipients", recipients.size()));
        BoardPages.table(h, v, List.of("col.organisation", "col.poc", "col.channel", "col.address"), recipients.stream()
                .map(r -> List.of(r.organisationId(), r.pocId(), r.channel(), r.address())).toList(), -1);
        h.close("section");
        h.open("section", "class", "panel refusals").element("h2", v.labels().format("preview.refusals", refusals.size()));
        BoardPages.table(h, v, List.of("col.organisation", "col.poc", "col.channel", "col.reason"), refusals.stream()
                .map(r -> List.of(r.organisationId(), r.pocId().orElse("—"), r.channel().orElse("—"), r.reason())).toList(), -1);
        h.close("section");
    }

    private static Html accepted(Visit v, NoticeAccepted a) {
        return new Html().open("p", "class", "ok receipt").text(v.labels().format("sent.as", a.deliveries(), a.refusals()) + " ")
                .element("a", a.reference(), "href", "/notices/" + a.reference(), "class", "reference").close("p");
    }

    /**
     * Runs what sends once per form: the form's key, kept per point of contact with a digest of the form,
     * makes a second submit return the first answer's page instead of sending again.
     */
    private String once(Visit v, java.util.function.Supplier<String> act) {
        String key = v.required("key");
        if (!KEY.matcher(key).matches()) {
            throw new Visit.FormException("key", v.labels().format("error.field.invalid", "key"));
        }
        StringBuilder request = new StringBuilder(v.ctx().request().path());
        v.ctx().request().formAttributes().forEach(e -> {
            if (!e.getKey().equals(io.liaison.gateway.interfaces.web.WebRequest.CSRF_FIELD)) {
                request.append('\n').append(e.getKey()).append('=').append(e.getValue());
            }
        });
        Idempotency.Answer answer = idempotency.once(v.actor(), key, sha256(request.toString()),
                () -> new Idempotency.Answer(201, ConsoleDoor.HTML, act.get(), false));
        if (answer.replayed()) {
            return new Html().element("p", v.t("sent.replayed"), "class", "muted") + answer.body();
        }
        return answer.body();
    }

    /** A fragment this door rendered (and kept with its key); it was escaped when it was built. */
    private static Html raw(String fragment) {
        return Html.trusted(fragment);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
