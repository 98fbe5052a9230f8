package io.liaison.gateway.interfaces.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer. The CSP allows nothing inline and nothing from elsewhere: every script and
 * style is a file the gateway serves (htmx runs with eval, inline scripts and indicator styles off).
 * Answers are never cached: they hold notices.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap h = ctx.response().headers();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!ctx.request().path().startsWith("/assets/")) {
            h.set("Cache-Control", "no-store");
        }
        if (tls) {
            h.set("Strict-Transport-Security", "max-age=31536000");
        }
        ctx.next();
    }
}
