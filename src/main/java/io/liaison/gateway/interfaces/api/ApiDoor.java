package io.liaison.gateway.interfaces.api;

import io.liaison.gateway.application.ActionRefusedException;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.Idempotency;
import io.liaison.gateway.application.UnknownActorException;
import io.liaison.gateway.application.Verdict;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.interfaces.http.Problem;
import io.liaison.gateway.policy.ForwardRefusedException;
import io.liaison.gateway.store.ApiTokenScope;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The REST API on the gateway's HTTP server. Each request: a bearer token (401 without a usable one),
 * the token's scope (403 when a read token asks to act), the body read strictly (400/415 naming the
 * field, before anything runs), the {@code Idempotency-Key} of an action that sends (required; a replay
 * gets the first answer), then one use case. Refusals of the application layer's authorisation are
 * 403, or 404 for a notice the caller's organisation did not receive.
 */
public final class ApiDoor implements GatewayHttpServer.Door {
    static final String JSON = "application/json";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,200}");

    private final List<ApiRoute> routes;
    private final ApiTokens tokens;
    private final Idempotency idempotency;

    public ApiDoor(Application app, ApiTokens tokens, Idempotency idempotency) {
        this.routes = ApiRoutes.of(app);
        this.tokens = tokens;
        this.idempotency = idempotency;
    }

    @Override
    public void mount(Vertx vertx, Router router) {
        router.get("/api/openapi.json").blockingHandler(ctx -> {
            authenticate(ctx);
            ctx.response().putHeader("Content-Type", JSON).end(OpenApiDocument.of(routes).encodePrettily());
        }, false);
        for (ApiRoute route : routes) {
            router.route(route.method(), route.vertxPath()).blockingHandler(ctx -> handle(route, ctx), false);
        }
    }

    private void handle(ApiRoute route, RoutingContext ctx) {
        ApiTokens.Grant grant = authenticate(ctx);
        if (route.acts() && grant.scope() == ApiTokenScope.READ) {
            throw Problem.forbidden("this token's scope is 'read'; " + route.summary().toLowerCase() + " needs a token of scope 'act'")
                    .raise();
        }
        Optional<JsonInput> body = route.bodyFields().isEmpty() ? emptyBody(ctx) : Optional.of(JsonInput.read(ctx, route.bodyFields()));
        ApiCall call = new ApiCall(grant.actor(), ctx, body);
        Idempotency.Answer answer;
        if (route.sends()) {
            String key = Optional.ofNullable(ctx.request().getHeader("Idempotency-Key")).orElse("");
            if (!KEY.matcher(key).matches()) {
                throw Problem.badRequest("Idempotency-Key", "an action that sends needs an Idempotency-Key header of 8 to 200"
                        + " letters, digits or . _ : - (a UUID will do); nothing was done").raise();
            }
            String request = route.method() + " " + ctx.request().path() + "\n" + (ctx.body() == null ? "" : ctx.body().asString());
            try {
                answer = idempotency.once(grant.actor(), key, sha256(request), () -> run(route, call));
            } catch (Idempotency.KeyReusedException e) {
                throw Problem.of(409, "idempotency-key-reused", "Idempotency key reused", e.getMessage()).field("Idempotency-Key").raise();
            }
        } else {
            answer = run(route, call);
        }
        if (answer.replayed()) {
            ctx.response().putHeader("Idempotent-Replayed", "true");
        }
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType()).end(answer.body());
    }

    /** An endpoint without fields still must not be sent a body (it would be ignored silently): only {} or nothing. */
    private static Optional<JsonInput> emptyBody(RoutingContext ctx) {
        if (ctx.request().method() == io.vertx.core.http.HttpMethod.GET || ctx.body() == null || ctx.body().length() <= 0) {
            return Optional.empty();
        }
        return Optional.of(JsonInput.read(ctx, java.util.Set.of()));
    }

    private static Idempotency.Answer run(ApiRoute route, ApiCall call) {
        Problem problem;
        try {
            Object result = route.handler().handle(call);
            Object json = JsonView.of(result);
            String text = json instanceof JsonObject o ? o.encode() : new JsonObject().put("result", json).encode();
            return new Idempotency.Answer(route.status(), JSON, text, false);
        } catch (ActionRefusedException e) {
            problem = e.verdict() == Verdict.NOT_FOUND ? Problem.notFound(e.getMessage()) : Problem.forbidden(e.getMessage());
        } catch (NoticeRejectedException e) {
            problem = Problem.of(422, "notice-rejected", "The notice was refused", String.join("; ", e.problems())
                    + "; nothing was stored").field("content");
        } catch (ForwardRefusedException e) {
            problem = Problem.of(422, "forward-refused", "The forward was refused", e.getMessage());
        } catch (IllegalArgumentException e) {
            problem = Problem.of(422, "not-acceptable", "The request cannot be carried out", e.getMessage());
        }
        return new Idempotency.Answer(problem.status(), Problem.CONTENT_TYPE, problem.toJson(call.ctx().request().path()).encode(), false);
    }

    private ApiTokens.Grant authenticate(RoutingContext ctx) {
        String header = Optional.ofNullable(ctx.request().getHeader("Authorization")).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problem.unauthenticated("send an API token as 'Authorization: Bearer lgw_…' (token create, on the gateway host)")
                    .raise();
        }
        try {
            return tokens.authenticate(header.substring(7)).orElseThrow(() ->
                    Problem.unauthenticated("the token is not valid: unknown, revoked or expired").raise());
        } catch (UnknownActorException e) {
            throw Problem.unauthenticated("the token's holder is no longer in the directory").raise();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<ApiRoute> routes() {
        return routes;
    }
}
