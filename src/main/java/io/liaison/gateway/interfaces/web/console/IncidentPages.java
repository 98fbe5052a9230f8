package io.liaison.gateway.interfaces.web.console;

import io.liaison.gateway.application.Action;
import io.liaison.gateway.application.Idempotency;
import io.liaison.gateway.application.IncidentReceipt;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.inbound.IncidentReportRecord;
import io.liaison.gateway.inbound.format.Cause;
import io.liaison.gateway.inbound.format.EventType;
import io.liaison.gateway.inbound.format.TriggerCategory;
import io.liaison.gateway.inbound.incident.IncidentThread;
import io.liaison.gateway.marking.Tlp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An operator's SOC files 第1報 / 第N報 in a form following docs/inbound-format.md (only the incident
 * and a contact are required; everything else optional), sees its thread, and gets a receipt with the
 * reference the report was relayed under. NISC reads any organisation's threads.
 */
final class IncidentPages {
    private static final Pattern KEY = Pattern.compile("console-[0-9a-f-]{36}");
    private final Idempotency idempotency;

    IncidentPages(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    View list(Visit v) {
        Layout.require(v, Action.VIEW_INCIDENT);
        boolean nisc = v.actor().kind() == OrganisationKind.NISC;
        String org = nisc ? v.query("organisation").orElse("") : v.actor().organisationId();
        Html h = new Html();
        if (Layout.may(v.app().authorisation(), v.actor(), Action.FILE_INCIDENT_REPORT)) {
            h.open("p").element("a", v.t("incidents.new"), "href", "/incidents/new", "class", "button").close("p");
        }
        if (nisc) {
            h.open("form", "method", "get", "action", "/incidents", "class", "inline").open("label").text(v.t("col.organisation") + " ")
                    .empty("input", "type", "text", "name", "organisation", "value", org, "placeholder", "east-power")
                    .close("label").element("button", v.t("incidents.show"), "type", "submit").close("form");
        }
        if (!org.isEmpty()) {
            List<String> keys = v.app().incidentView().incidentsOf(v.actor(), org);
            if (keys.isEmpty()) {
                h.element("p", v.t("incidents.none"), "class", "muted");
            }
            h.open("ul", "class", "incidents");
            for (String key : keys) {
                h.open("li").element("a", key, "href", "/incidents/" + key).close("li");
            }
            h.close("ul");
        }
        return View.ok(v.t("incidents.title"), h);
    }

    View thread(Visit v) {
        String key = v.param("organisation") + "/" + v.param("incident");
        IncidentThread thread = v.app().incidentView().thread(v.actor(), key);
        Html h = new Html();
        h.element("p", v.t("incidents.voluntary"), "class", "muted");
        if (Layout.may(v.app().authorisation(), v.actor(), Action.FILE_INCIDENT_REPORT)
                && key.startsWith(v.actor().organisationId() + "/")) {
            h.open("p").element("a", v.t("incidents.next"), "href", "/incidents/new?incident=" + v.param("incident"), "class", "button")
                    .close("p");
        }
        for (IncidentReportRecord r : thread.reports()) {
            h.open("article", "class", "panel report");
            h.open("h2").append(Layout.tlp(r.level().label())).text(" " + v.labels().format("incidents.report-n", r.reportNumber()) + " ")
                    .append(Layout.exercise(r.exercise(), v.labels())).close("h2");
            h.element("p", v.time(r.receivedAt()) + " · " + r.reporterPoc() + " (" + r.reporterOrg() + ") · "
                    + v.t("incidents.relayed-as") + " " + r.relayReference().orElse("—"), "class", "muted");
            if (r.doNotShare()) {
                h.element("p", v.t("incidents.do-not-share"), "class", "warn");
            }
            h.element("pre", r.document(), "class", "body");
            h.close("article");
        }
        return View.ok(v.labels().format("incidents.thread", key), h);
    }

    View form(Visit v) {
        Layout.require(v, Action.FILE_INCIDENT_REPORT);
        Html h = new Html();
        h.element("p", v.t("incidents.form.intro"), "class", "muted");
        h.open("form", "method", "post", "action", "/incidents/new", "class", "stacked").csrf(v.csrf())
                .empty("input", "type", "hidden", "name", "key", "value", "console-" + UUID.randomUUID());
        h.open("fieldset").element("legend", v.t("incidents.required"));
        text(h, v, "incident", "incidents.incident", v.query("incident").orElse(""), true);
        text(h, v, "contact.person", "incidents.contact.person", "", true);
        text(h, v, "contact.phone", "incidents.contact.phone", "", false);
        text(h, v, "contact.email", "incidents.contact.email", "", false);
        text(h, v, "contact.fax", "incidents.contact.fax", "", false);
        h.close("fieldset");
        h.open("fieldset").element("legend", v.t("incidents.optional"));
        h.open("label").text(v.t("compose.level") + " ").open("select", "name", "tlp")
                .element("option", v.t("incidents.tlp.default"), "value", "");
        for (Tlp t : Tlp.values()) {
            h.element("option", t.label(), "value", t.label());
        }
        h.close("select").close("label");
        h.open("label").empty("input", "type", "checkbox", "name", "exercise", "value", "yes").text(" " + v.t("compose.exercise"))
                .close("label");
        text(h, v, "summary", "incidents.summary", "", false);
        h.open("label").text(v.t("incidents.trigger.category") + " ").open("select", "name", "trigger.category")
                .element("option", "—", "value", "");
        for (TriggerCategory c : TriggerCategory.values()) {
            h.element("option", c.japanese() + " (" + c.code() + ")", "value", c.code());
        }
        h.close("select").close("label");
        h.open("label").text(v.t("incidents.trigger.case") + " ").open("select", "name", "trigger.case").element("option", "—", "value", "");
        for (TriggerCategory.TriggerCase c : TriggerCategory.TriggerCase.values()) {
            h.element("option", c.japanese() + " (" + c.code() + ")", "value", c.code());
        }
        h.close("select").close("label");
        h.open("label").text(v.t("incidents.event-type") + " ").open("select", "name", "event_type").element("option", "—", "value", "");
        for (EventType e : EventType.values()) {
            h.element("option", e.japanese() + " (" + e.code() + ")", "value", e.code());
        }
        h.close("select").close("label");
        h.open("fieldset", "class", "causes").element("legend", v.t("incidents.causes"));
        for (Cause c : Cause.values()) {
            h.open("label").empty("input", "type", "checkbox", "name", "causes", "value", c.code())
                    .text(" " + c.japanese() + " (" + c.code() + ")").close("label");
        }
        h.close("fieldset");
        for (String f : List.of("hardware", "software", "version", "patch_state")) {
            text(h, v, "affected_system." + f, "incidents.affected." + f, "", false);
        }
        area(h, v, "response.measures", "incidents.response.measures");
        text(h, v, "response.contacted", "incidents.response.contacted", "", false);
        area(h, v, "spread", "incidents.spread");
        area(h, v, "notes", "incidents.notes");
        h.open("label").empty("input", "type", "checkbox", "name", "do_not_share", "value", "yes").text(" " + v.t("incidents.do-not-share.ask"))
                .close("label");
        h.close("fieldset");
        h.element("button", v.t("incidents.file"), "type", "submit").close("form");
        return View.ok(v.t("incidents.new"), h);
    }

    View file(Visit v) {
        String document = document(v).encode();
        String key = v.required("key");
        if (!KEY.matcher(key).matches()) {
            throw new Visit.FormException("key", v.labels().format("error.field.invalid", "key"));
        }
        Idempotency.Answer answer = idempotency.once(v.actor(), key, sha256(v.ctx().request().path() + "\n" + document), () -> {
            IncidentReceipt r = v.app().fileIncidentReport().file(v.actor(), document);
            String[] parts = r.incidentKey().split("/", 2);
            Html h = new Html().open("div", "class", "ok receipt")
                    .element("p", v.labels().format("incidents.receipt", r.reportNumber(), r.incidentKey(), v.time(r.receivedAt())))
                    .open("p").text(v.t("incidents.relayed-as") + " ").element("strong", r.relayReference(), "class", "reference").close("p")
                    .open("p").element("a", v.t("incidents.see-thread"), "href", "/incidents/" + parts[0] + "/" + parts[1]).close("p")
                    .close("div");
            return new Idempotency.Answer(201, ConsoleDoor.HTML, h.toString(), false);
        });
        Html main = answer.replayed() ? new Html().element("p", v.t("sent.replayed"), "class", "muted") : new Html();
        return View.ok(v.t("incidents.filed"), main.append(Html.trusted(answer.body())));
    }

    /** The form as the report document (docs/inbound-format.md); the parser judges it as it judges e-mail. */
    private static JsonObject document(Visit v) {
        JsonObject d = new JsonObject().put("liaison", 1).put("type", "incident-report");
        d.put("incident", v.required("incident"));
        JsonArray means = new JsonArray();
        for (String kind : List.of("phone", "email", "fax")) {
            v.field("contact." + kind).ifPresent(a -> means.add(new JsonObject().put(kind, a)));
        }
        if (means.isEmpty()) {
            throw new Visit.FormException("contact.phone", v.t("incidents.contact.none"));
        }
        d.put("contact", new JsonObject().put("person", v.required("contact.person")).put("means", means));
        v.field("tlp").ifPresent(x -> d.put("tlp", x));
        if (v.checked("exercise")) {
            d.put("exercise", true);
        }
        v.field("summary").ifPresent(x -> d.put("summary", x));
        Optional<String> category = v.field("trigger.category");
        Optional<String> triggerCase = v.field("trigger.case");
        if (category.isPresent() || triggerCase.isPresent()) {
            JsonObject t = new JsonObject();
            category.ifPresent(x -> t.put("category", x));
            triggerCase.ifPresent(x -> t.put("case", x));
            d.put("trigger", t);
        }
        v.field("event_type").ifPresent(x -> d.put("event_type", x));
        List<String> causes = v.ctx().request().formAttributes().getAll("causes");
        if (!causes.isEmpty()) {
            d.put("causes", new JsonArray(causes.stream().map(String::strip).filter(s -> !s.isEmpty()).map(s -> (Object) s).toList()));
        }
        JsonObject affected = new JsonObject();
        for (String f : List.of("hardware", "software", "version", "patch_state")) {
            v.field("affected_system." + f).ifPresent(x -> affected.put(f, x));
        }
        if (!affected.isEmpty()) {
            d.put("affected_system", affected);
        }
        JsonObject response = new JsonObject();
        v.field("response.measures").ifPresent(x -> response.put("measures", x));
        v.field("response.contacted").ifPresent(x -> response.put("contacted", new JsonArray(Arrays.stream(x.split("[,、]"))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> (Object) s).toList())));
        if (!response.isEmpty()) {
            d.put("response", response);
        }
        v.field("spread").ifPresent(x -> d.put("spread", x));
        v.field("notes").ifPresent(x -> d.put("notes", x));
        if (v.checked("do_not_share")) {
            d.put("do_not_share", true);
        }
        return d;
    }

    private static void text(Html h, Visit v, String name, String label, String value, boolean required) {
        h.open("label").text(v.t(label) + (required ? " *" : "") + " ").empty("input", "type", "text", "name", name, "value", value,
                "maxlength", "500", "required", required ? "required" : null).close("label");
    }

    private static void area(Html h, Visit v, String name, String label) {
        h.open("label").text(v.t(label) + " ").open("textarea", "name", name, "rows", "3").close("textarea").close("label");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
