package io.liaison.gateway.interfaces.web.console;

import io.liaison.gateway.application.ActionRefusedException;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.Idempotency;
import io.liaison.gateway.application.IncidentReportRejectedException;
import io.liaison.gateway.application.PersonId;
import io.liaison.gateway.application.Verdict;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.interfaces.http.Problem;
import io.liaison.gateway.interfaces.web.WebRequest;
import io.liaison.gateway.policy.ForwardRefusedException;
import io.liaison.gateway.reshare.ReshareRefusedException;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's pages (docs/seams.md §6): server-rendered HTML over the application layer, mounted
 * after the session door, which attaches the acting identity, the CSRF token and the language to each
 * request ({@link WebRequest}) and checks the token of every POST before a page runs. A refusal of the
 * application layer is a 403 page, a notice the organisation did not receive a 404 page (as in the
 * API), bad input a 400 page naming the field with nothing stored.
 */
public final class ConsoleDoor implements GatewayHttpServer.Door {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleDoor.class);
    static final String HTML = "text/html; charset=utf-8";
    /** The language chosen with the switch; not part of the session, only which bundle labels come from. */
    static final String LANGUAGE_COOKIE = "console_lang";

    @FunctionalInterface
    interface Page {
        View handle(Visit visit) throws Exception;
    }

    private final Application app;
    private final GatewayEvents events;
    private final Idempotency idempotency;
    private final ZoneId zone;
    private final Clock clock;

    public ConsoleDoor(Application app, GatewayEvents events, Idempotency idempotency, Clock clock, ZoneId zone) {
        this.clock = clock;
        this.app = app;
        this.events = events;
        this.idempotency = idempotency;
        this.zone = zone;
    }

    @Override
    public void mount(Vertx vertx, Router router) {
        router.get("/assets/*").handler(StaticHandler.create("console/assets").setCachingEnabled(false)
                .setDirectoryListing(false).setIncludeHidden(false));
        router.get("/console/events").handler(this::stream);
        router.get("/console/language").handler(this::language);
        NoticePages notices = new NoticePages(idempotency);
        BoardPages board = new BoardPages();
        IncidentPages incidents = new IncidentPages(idempotency);
        ReferencePages reference = new ReferencePages();
        get(router, "/", board::home);
        get(router, "/board", board::board);
        post(router, "/deliveries/:id/resend", board::resendOne);
        post(router, "/notices/:reference/resend", board::resendAll);
        get(router, "/quarantine", board::quarantine);
        get(router, "/notices/:reference", notices::notice);
        post(router, "/notices/:reference/confirm", notices::confirm);
        post(router, "/notices/:reference/forward", notices::forward);
        get(router, "/compose", notices::compose);
        post(router, "/compose", notices::composed);
        get(router, "/inbox", notices::inbox);
        get(router, "/incidents", incidents::list);
        get(router, "/incidents/new", incidents::form);
        post(router, "/incidents/new", incidents::file);
        get(router, "/incidents/:organisation/:incident", incidents::thread);
        get(router, "/reshare", reference::reshareIndex);
        get(router, "/reshare/:id", reference::reshare);
        post(router, "/reshare/:id/approve", reference::approve);
        post(router, "/reshare/:id/reject", reference::reject);
        get(router, "/stats", reference::statistics);
        get(router, "/directory", reference::directory);
    }

    private void get(Router router, String path, Page page) {
        router.get(path).blockingHandler(ctx -> answer(ctx, page), false);
    }

    private void post(Router router, String path, Page page) {
        router.post(path).blockingHandler(ctx -> answer(ctx, page), false);
    }

    private void answer(RoutingContext ctx, Page page) {
        if (!signedIn(ctx)) {
            return;
        }
        Visit v = visit(ctx);
        View view;
        try {
            view = page.handle(v);
        } catch (Visit.FormException e) {
            view = error(v, 400, "error.bad-input", e.getMessage(), e.field());
        } catch (IncidentReportRejectedException e) {
            view = error(v, 400, "error.bad-input", String.join("\n", e.problems()), e.field());
        } catch (ActionRefusedException e) {
            view = e.verdict() == Verdict.NOT_FOUND ? error(v, 404, "error.not-found", v.t("error.not-found.detail"), null)
                    : error(v, 403, "error.forbidden", refusal(v, e), null);
        } catch (NoticeRejectedException e) {
            view = error(v, 422, "error.notice-rejected", String.join("\n", e.problems()), null);
        } catch (io.liaison.gateway.reshare.ReshareAlreadyDecidedException e) {
            view = error(v, 409, "error.already-decided", e.getMessage(), null);
        } catch (ForwardRefusedException | ReshareRefusedException | Idempotency.KeyReusedException e) {
            view = error(v, 422, "error.refused", e.getMessage(), null);
        } catch (Problem.Raised e) {
            view = error(v, e.problem().status(), "error.bad-input", e.problem().detail(), e.problem().field().orElse(null));
        } catch (IllegalArgumentException e) {
            view = error(v, 422, "error.refused", e.getMessage(), null);
        } catch (Redirect r) {
            ctx.response().setStatusCode(303).putHeader("Location", r.location).end();
            return;
        } catch (Exception e) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), e);
            view = error(v, 500, "error.internal", v.t("error.internal.detail"), null);
        }
        ctx.response().setStatusCode(view.status()).putHeader("Content-Type", HTML).end(Layout.document(v, app.authorisation(), view));
    }

    /**
     * The session door answers a request without a session before a page runs; should none be mounted
     * (a wiring fault), a page still fails closed the same way: a GET goes to the login, anything else is 401.
     */
    static boolean signedIn(RoutingContext ctx) {
        if (WebRequest.actorIfAny(ctx).isPresent()) {
            return true;
        }
        if (ctx.request().method() == io.vertx.core.http.HttpMethod.GET) {
            ctx.response().setStatusCode(302).putHeader("Location", "/login?next="
                    + java.net.URLEncoder.encode(ctx.request().path(), java.nio.charset.StandardCharsets.UTF_8)).end();
        } else {
            ctx.response().setStatusCode(401).putHeader("Content-Type", "text/plain; charset=utf-8").end("401: log in first\n");
        }
        return false;
    }

    private Visit visit(RoutingContext ctx) {
        return new Visit(ctx, WebRequest.actor(ctx), Labels.of(locale(ctx)), WebRequest.csrfToken(ctx), app, zone, clock);
    }

    /** The switch's choice if made, else the session's language. */
    private static Locale locale(RoutingContext ctx) {
        Cookie chosen = ctx.request().getCookie(LANGUAGE_COOKIE);
        if (chosen != null && (chosen.getValue().equals("en") || chosen.getValue().equals("ja"))) {
            return Locale.forLanguageTag(chosen.getValue());
        }
        return WebRequest.locale(ctx);
    }

    /**
     * The refusal in the reader's language: who, as which role, may not do what, and by which rule. The English
     * sentence with every identifier is the audit trail's (action.refused), not the page's.
     */
    private static String refusal(Visit v, ActionRefusedException e) {
        Actor a = e.actor();
        String who = a.person().map(PersonId::value).orElse(a.pocId());
        return v.labels().format("refused." + e.rule().code(), who, v.t("role." + a.role().yamlName()),
                v.t("action." + e.action().code()), e.subject());
    }

    private static View error(Visit v, int status, String titleKey, String detail, String field) {
        Html main = new Html().open("div", "class", "error", "role", "alert");
        if (field != null) {
            main.open("p").text(v.t("error.field") + " ").element("code", field, "class", "field").close("p");
        }
        for (String line : detail.split("\n")) {
            main.element("p", line);
        }
        main.element("p", v.t("error.nothing-stored"), "class", "muted");
        main.close("div");
        return View.status(status, v.t(titleKey), main);
    }

    /** A page that ends in another page: 303 See Other, a GET, so a reload never posts again. */
    static final class Redirect extends RuntimeException {
        private final String location;

        Redirect(String location) {
            super(location, null, false, false);
            this.location = location;
        }
    }

    /** The language switch: remembers ja or en and goes back to the local page it came from. */
    private void language(RoutingContext ctx) {
        if (!signedIn(ctx)) {
            return;
        }
        String to = "en".equals(ctx.request().getParam("to")) ? "en" : "ja";
        String next = ctx.request().getParam("next");
        // a local path only: never a redirect elsewhere
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("\r")
                || next.contains("\n")) {
            next = "/";
        }
        ctx.response().addCookie(Cookie.cookie(LANGUAGE_COOKIE, to).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setMaxAge(365L * 24 * 3600));
        ctx.response().setStatusCode(303).putHeader("Location", next).end();
    }

    /**
     * The console's live view: the gateway's event stream as the API's SSE gives it (NISC hears every
     * change, any other organisation only its own), sent as unnamed events so the page's script hears
     * every kind; an event carries no content, the script fetches the page again with the session.
     */
    private void stream(RoutingContext ctx) {
        if (!signedIn(ctx)) {
            return;
        }
        Actor actor = WebRequest.actor(ctx);
        boolean everything = app.authorisation().seesEveryNotice(actor);
        String org = actor.organisationId();
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-store");
        response.write(": connected\n\n");
        io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
        GatewayEvents.Subscription subscription = events.subscribe(e -> {
            if (!everything && !e.organisationId().equals(org)) {
                return;
            }
            String data = new JsonObject().put("kind", e.kind().wireName()).put("reference", e.reference())
                    .put("at", e.at().toString()).encode();
            context.runOnContext(x -> {
                if (!response.closed() && !response.ended()) {
                    response.write("data: " + data + "\n\n");
                }
            });
        });
        response.closeHandler(x -> subscription.close());
        response.exceptionHandler(t -> subscription.close());
    }
}
