package io.liaison.gateway.interfaces.api;

import io.liaison.gateway.application.Actor;
import io.liaison.gateway.interfaces.http.Problem;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** One authenticated request as a route's handler sees it: who acts, the path parameters, the body. */
record ApiCall(Actor actor, RoutingContext ctx, Optional<JsonInput> body) {

    String param(String name) {
        String v = ctx.pathParam(name);
        if (v == null || v.isBlank() || v.length() > 200) {
            throw Problem.badRequest(name, "path parameter '" + name + "' is missing or too long").raise();
        }
        return v;
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(ctx.request().getParam(name)).filter(v -> !v.isBlank());
    }

    JsonInput input() {
        return body.orElseThrow(() -> new IllegalStateException("route has no body"));
    }
}
