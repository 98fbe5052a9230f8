package io.liaison.gateway.interfaces.web;

import io.liaison.gateway.application.Actor;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/**
 * What the console's session handler learned about a request, handed to the pages: the acting
 * identity (resolved from the gateway's directory, never from an identity provider's claim), the
 * session's CSRF token that every form must carry as {@value #CSRF_FIELD}, and the language of the
 * labels. The session handler attaches them before any page handler runs; a page never builds an
 * {@link Actor} itself.
 */
public final class WebRequest {
    /** The hidden form field (and {@code X-CSRF-Token} header for script requests) carrying the token. */
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String ACTOR = "liaison.actor";
    private static final String CSRF = "liaison.csrf";
    private static final String LOCALE = "liaison.locale";

    private WebRequest() {
    }

    /** Called by the session handler once the session is valid (and, on tests, by a test's own handler). */
    public static void attach(RoutingContext ctx, Actor actor, String csrfToken, Locale locale) {
        ctx.put(ACTOR, actor);
        ctx.put(CSRF, csrfToken);
        ctx.put(LOCALE, locale);
    }

    /** The acting identity; a page reached without one is a wiring fault, not a user's. */
    public static Actor actor(RoutingContext ctx) {
        Actor actor = ctx.get(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("no session handler ran before " + ctx.request().path());
        }
        return actor;
    }

    public static Optional<Actor> actorIfAny(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(ACTOR));
    }

    public static String csrfToken(RoutingContext ctx) {
        String token = ctx.get(CSRF);
        if (token == null) {
            throw new IllegalStateException("no session handler ran before " + ctx.request().path());
        }
        return token;
    }

    public static Locale locale(RoutingContext ctx) {
        Locale locale = ctx.get(LOCALE);
        return locale == null ? Locale.JAPANESE : locale;
    }
}
