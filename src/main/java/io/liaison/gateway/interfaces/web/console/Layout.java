package io.liaison.gateway.interfaces.web.console;

import io.liaison.gateway.application.Action;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Authorisation;
import io.liaison.gateway.application.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The frame of every page: who is acting (person, point of contact, organisation, role), the pages
 * this role has, the language switch, the logout form; and the small pieces pages share (TLP badge,
 * times). One stylesheet and one script, both files the gateway serves; nothing inline.
 */
final class Layout {
    /** The pages in the navigation, each shown only to a role allowed its action. */
    private record NavItem(String path, String label, List<Action> anyOf) {
    }

    private static final List<NavItem> NAV = List.of(
            new NavItem("/board", "nav.board", List.of(Action.VIEW_DUTY_BOARD)),
            new NavItem("/compose", "nav.compose", List.of(Action.SEND_NOTICE)),
            new NavItem("/inbox", "nav.inbox", List.of(Action.VIEW_INBOX)),
            new NavItem("/incidents", "nav.incidents", List.of(Action.VIEW_INCIDENT)),
            new NavItem("/quarantine", "nav.quarantine", List.of(Action.REVIEW_QUARANTINE)),
            new NavItem("/reshare", "nav.reshare", List.of(Action.VIEW_RESHARE)),
            new NavItem("/stats", "nav.stats", List.of(Action.VIEW_STATISTICS)),
            new NavItem("/directory", "nav.directory", List.of(Action.VIEW_DIRECTORY)));

    private Layout() {
    }

    static boolean may(Authorisation authorisation, Actor actor, Action action) {
        return authorisation.decide(actor, action) == Verdict.ALLOWED;
    }

    /**
     * For a page that only shows an empty form (nothing is read or done until it is sent, where the use
     * case authorises it): the same table decides whether the form is shown at all.
     */
    static void require(Visit v, Action action) {
        if (!may(v.app().authorisation(), v.actor(), action)) {
            throw new io.liaison.gateway.application.ActionRefusedException(v.actor(), action, "", Verdict.FORBIDDEN, "");
        }
    }

    static String document(Visit v, Authorisation authorisation, View view) {
        Labels l = v.labels();
        Actor a = v.actor();
        String path = v.ctx().request().path();
        Html h = new Html();
        h.text("").open("html", "lang", l.language());
        h.open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", view.title() + " — " + l.get("app.name"))
                .empty("link", "rel", "stylesheet", "href", "/assets/console.css")
                .open("script", "src", "/assets/console.js", "defer", "defer").close("script")
                .close("head");
        h.open("body", "data-live", view.live() ? "true" : null);
        h.open("header", "class", "top");
        h.open("a", "class", "brand", "href", "/").text(l.get("app.name")).close("a");
        h.open("div", "class", "who");
        h.element("span", a.person().map(p -> p.value()).orElse(a.pocId()), "class", "person");
        h.element("span", a.pocId(), "class", "poc", "title", l.get("who.poc"));
        h.element("span", a.organisationId(), "class", "org", "title", l.get("who.organisation"));
        h.element("span", l.get("role." + a.role().yamlName()), "class", "role", "title", l.get("who.role"));
        h.close("div");
        h.open("div", "class", "tools");
        h.open("nav", "class", "lang", "aria-label", l.get("lang.switch"));
        h.element("a", "日本語", "href", "/console/language?to=ja&next=" + path, "lang", "ja",
                "aria-current", l.language().equals("ja") ? "true" : null);
        h.element("a", "English", "href", "/console/language?to=en&next=" + path, "lang", "en",
                "aria-current", l.language().equals("en") ? "true" : null);
        h.close("nav");
        h.open("form", "method", "post", "action", "/logout", "class", "logout").csrf(v.csrf())
                .element("button", l.get("logout"), "type", "submit").close("form");
        h.close("div").close("header");
        h.open("nav", "class", "pages", "aria-label", l.get("nav.label")).open("ul");
        for (NavItem item : NAV) {
            if (item.anyOf().stream().anyMatch(x -> may(authorisation, a, x))) {
                h.open("li").element("a", l.get(item.label()), "href", item.path(),
                        "aria-current", path.equals(item.path()) || path.startsWith(item.path() + "/") ? "page" : null).close("li");
            }
        }
        h.close("ul").close("nav");
        h.open("main", "id", "main").element("h1", view.title());
        h.open("div", "id", "live").append(view.main()).close("div");
        h.close("main");
        h.open("footer").element("small", l.get("footer")).close("footer");
        h.close("body").close("html");
        return "<!DOCTYPE html>\n" + h;
    }

    /** The TLP 2.0 marking as a coloured badge: at a glance, on every notice. */
    static Html tlp(String label) {
        String css = "tlp " + switch (label.toUpperCase(Locale.ROOT)) {
            case "TLP:RED" -> "tlp-red";
            case "TLP:AMBER+STRICT" -> "tlp-amber-strict";
            case "TLP:AMBER" -> "tlp-amber";
            case "TLP:GREEN" -> "tlp-green";
            default -> "tlp-clear";
        };
        return new Html().element("span", label, "class", css);
    }

    static Html exercise(boolean exercise, Labels l) {
        return exercise ? new Html().element("span", l.get("exercise"), "class", "badge exercise") : new Html();
    }
}
