package io.liaison.gateway.interfaces.api;

import io.liaison.gateway.application.ActionRefusedException;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.application.Application;
import io.liaison.gateway.application.Idempotency;
import io.liaison.gateway.application.IncidentReportRejectedException;
import io.liaison.gateway.application.UnknownActorException;
import io.liaison.gateway.application.Verdict;
import io.liaison.gateway.events.GatewayEvents;
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
    private final Application app;
    private final GatewayEvents events;

    public ApiDoor(Application app, ApiTokens tokens, Idempotency idempotency, GatewayEvents events) {
        this.app = app;
        this.routes = ApiRoutes.of(app);
        this.tokens = tokens;
        this.idempotency = idempotency;
        this.events = events;
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
        router.get("/api/v1/events").blockingHandler(this::stream, false);
    }

    /**
     * Server-Sent Events of what changed ({@code event: delivery.sent}, data: reference, organisation, time):
     * NISC hears every change, any other organisation only those concerning itself. An event carries no
     * content; the client reads the new state through the API with its own authorisation.
     */
    private void stream(RoutingContext ctx) {
        ApiTokens.Grant grant = authenticate(ctx);
        boolean everything = app.authorisation().seesEveryNotice(grant.actor());
        String org = grant.actor().organisationId();
        io.vertx.core.http.HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-store");
        response.write(": connected\n\n");
        io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
        GatewayEvents.Subscription subscription = events.subscribe(e -> {
            if (!everything && !e.organisationId().equals(org)) {
                return;
            }
            String data = new JsonObject().put("reference", e.reference()).put("organisation", e.organisationId())
                    .put("at", e.at().toString()).encode();
            // written on the server's event loop, never on the publisher's thread (a delivery's)
            context.runOnContext(v -> {
                if (!response.closed() && !response.ended()) {
                    response.write("event: " + e.kind().wireName() + "\ndata: " + data + "\n\n");
                }
            });
        });
        response.closeHandler(v -> subscription.close());
        response.exceptionHandler(t -> subscription.close());
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
        } catch (IncidentReportRejectedException e) {
            problem = Problem.badRequest(e.field(), e.getMessage());
        } catch (ForwardRefusedException e) {
            problem = Problem.of(422, "forward-refused", "The forward was refused", e.getMessage());
        } catch (io.liaison.gateway.reshare.ReshareAlreadyDecidedException e) {
            // the request is fine; the proposal's state is not what it assumed (RFC 9110 §15.5.10)
            problem = Problem.of(409, "reshare-already-decided", "The re-share proposal was decided already", e.getMessage());
        } catch (io.liaison.gateway.reshare.ReshareRefusedException e) {
            // an unknown proposal label, or one that cannot be approved as it stands: the use case's words, not a 500
            problem = Problem.of(422, "reshare-refused", "The re-share was refused", e.getMessage());
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
