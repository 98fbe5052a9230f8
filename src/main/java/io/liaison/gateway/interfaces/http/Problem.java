package io.liaison.gateway.interfaces.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * An RFC 9457 problem detail: what went wrong, for a machine ({@code type}, {@code status}, and
 * {@code field} naming the offending input) and for a person ({@code title}, {@code detail}). Never
 * carries a secret, a stack trace or another organisation's data.
 *
 * @param type  a URI naming the kind of problem, relative to the API ({@code /api/problems/…})
 * @param field the JSON field, header or query parameter at fault, when one is
 */
public record Problem(String type, String title, int status, String detail, Optional<String> field) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("/api/problems/" + slug, title, status, detail, Optional.empty());
    }

    public Problem field(String name) {
        return new Problem(type, title, status, detail, Optional.of(name));
    }

    public static Problem badRequest(String field, String detail) {
        return of(400, "invalid-request", "The request is not valid", detail).field(field);
    }

    public static Problem unauthenticated(String detail) {
        return of(401, "unauthenticated", "Authentication required", detail);
    }

    public static Problem forbidden(String detail) {
        return of(403, "forbidden", "Not allowed", detail);
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public JsonObject toJson(String instance) {
        JsonObject json = new JsonObject().put("type", type).put("title", title).put("status", status).put("detail", detail)
                .put("instance", instance);
        field.ifPresent(f -> json.put("field", f));
        return json;
    }

    /** Ends the exchange with this problem; the instance is the request's path (no query: it may hold input). */
    public void send(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE);
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"liaison-gateway\"");
        }
        ctx.response().end(toJson(ctx.request().path()).encode());
    }

    /** A problem as an exception, so a handler deep inside can stop the request with it. */
    public static final class Raised extends RuntimeException {
        private final Problem problem;

        public Raised(Problem problem) {
            super(problem.status() + " " + problem.title() + ": " + problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public Raised raise() {
        return new Raised(this);
    }
}
