package io.liaison.gateway.interfaces.api;

import io.liaison.gateway.application.ActionRefusedException;
import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Actors;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.application.UnknownActorException;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.interfaces.http.Problem;
import io.liaison.gateway.store.ApiToken;
import io.liaison.gateway.store.ApiTokenScope;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local administrator's door of a running {@code serve}: token administration ({@code token create|list|revoke})
 * under {@code /api/v1/admin/}, so a new token needs no stop of the gateway. Only a request from a loopback
 * address, not relayed by a proxy, bearing this serve's local administrator token gets in. That token is
 * written by serve to a file only its user can read; the door keeps only its SHA-256 and compares in constant time.
 *
 * <p>Everyone else gets exactly the 404 of a path that does not exist, so the routes are not revealed off the
 * host. A loopback caller without the right token gets 401: someone on the host can read the README anyway,
 * and the administrator learns that the token file is stale rather than that the route has vanished.
 *
 * <p>Who acts is still a name of the directory ({@code Acting-As}, the CLI's {@code --as}), resolved as the
 * local administrator; the audit entry records the door, {@code loopback-admin-token}.
 */
public final class LocalAdminDoor implements GatewayHttpServer.Door {
    public static final String PREFIX = "/api/v1/admin";
    /** The header naming the directory person or point of contact the administrator acts as. */
    public static final String ACTING_AS = "Acting-As";
    private static final Pattern REVOKE = Pattern.compile("/api/v1/admin/tokens/([A-Za-z0-9_-]{1,64})/revoke");
    /** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket says. */
    private static final List<String> RELAYED = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Forwarded-Host");
    private static final Set<String> CREATE_FIELDS = Set.of("for", "person", "scope", "validDays", "label");

    private final byte[] tokenSha256;
    private final ApiTokens tokens;
    private final Actors actors;
    private final Clock clock;

    public LocalAdminDoor(byte[] tokenSha256, ApiTokens tokens, Actors actors, Clock clock) {
        if (tokenSha256.length != 32) {
            throw new IllegalArgumentException("the local administrator token's SHA-256 is 32 bytes");
        }
        this.tokenSha256 = tokenSha256.clone();
        this.tokens = tokens;
        this.actors = actors;
        this.clock = clock;
    }

    /** SHA-256 of a token's text, as this door keeps it. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
        }
    }

    @Override
    public void mount(Vertx vertx, Router router) {
        // One handler for every method under the prefix: the gate runs before any route is told apart,
        // so a remote caller cannot learn which paths or methods exist (no 405, no 400, no 401).
        router.route(PREFIX).blockingHandler(this::handle, false);
        router.route(PREFIX + "/*").blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext ctx) {
        if (!local(ctx)) {
            Problem.notFound("no such page or endpoint").send(ctx);
            return;
        }
        if (!bearsTheToken(ctx)) {
            Problem.unauthenticated("send this serve's local administrator token (the file gateway.admin.token-file names,"
                    + " written at serve's start) as 'Authorization: Bearer …'").send(ctx);
            return;
        }
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        Matcher revoke = REVOKE.matcher(path);
        Problem problem;
        try {
            if (path.equals(PREFIX + "/tokens") && method == HttpMethod.POST) {
                create(ctx);
            } else if (path.equals(PREFIX + "/tokens") && method == HttpMethod.GET) {
                list(ctx);
            } else if (revoke.matches() && method == HttpMethod.POST) {
                revoke(ctx, revoke.group(1));
            } else {
                Problem.notFound("no such administrator endpoint: POST or GET " + PREFIX + "/tokens, POST " + PREFIX
                        + "/tokens/{id}/revoke").send(ctx);
            }
            return;
        } catch (Problem.Raised raised) {
            problem = raised.problem();
        } catch (UnknownActorException e) {
            problem = Problem.of(422, "unknown-actor", "No such person or point of contact", e.getMessage());
        } catch (ActionRefusedException e) {
            problem = Problem.forbidden(e.getMessage());
        } catch (IllegalArgumentException e) {
            problem = Problem.of(422, "not-acceptable", "The request cannot be carried out", e.getMessage());
        }
        problem.send(ctx);
    }

    private void create(RoutingContext ctx) {
        Actor admin = admin(ctx);
        JsonInput in = JsonInput.read(ctx, CREATE_FIELDS);
        Object days = in.object().getValue("validDays");
        if (days != null && !(days instanceof Integer)) {
            throw Problem.badRequest("validDays", "field 'validDays' must be a whole number of days").raise();
        }
        ApiTokenScope scope;
        try {
            scope = ApiTokenScope.parse(in.requiredText("scope"));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("scope", e.getMessage()).raise();
        }
        ApiTokens.Issued issued = tokens.issue(admin, ApiTokens.AdminDoor.LOOPBACK_ADMIN_TOKEN, in.requiredText("for"),
                in.optionalText("person"), scope, Duration.ofDays(days == null ? 90 : (Integer) days),
                in.optionalText("label").orElse(""));
        JsonObject answer = describe(issued.token()).put("token", issued.text());
        ctx.response().setStatusCode(201).putHeader("Content-Type", ApiDoor.JSON).end(answer.encode());
    }

    private void list(RoutingContext ctx) {
        Actor admin = admin(ctx);
        JsonArray all = new JsonArray();
        tokens.list(admin).forEach(t -> all.add(describe(t)));
        ctx.response().putHeader("Content-Type", ApiDoor.JSON).end(new JsonObject().put("tokens", all).encode());
    }

    private void revoke(RoutingContext ctx, String id) {
        Actor admin = admin(ctx);
        if (!tokens.revoke(admin, ApiTokens.AdminDoor.LOOPBACK_ADMIN_TOKEN, id)) {
            throw Problem.notFound("no active token " + id).raise();
        }
        ctx.response().putHeader("Content-Type", ApiDoor.JSON).end(new JsonObject().put("revoked", id).encode());
    }

    private JsonObject describe(ApiToken t) {
        Instant now = clock.instant();
        String state = t.revokedAt().isPresent() ? "revoked" : t.usableAt(now) ? "active" : "expired";
        JsonObject o = new JsonObject().put("id", t.id()).put("organisation", t.organisationId()).put("for", t.pocId())
                .put("scope", t.scope().yamlName()).put("label", t.label()).put("created", t.createdAt().toString())
                .put("expires", t.expiresAt().toString()).put("state", state);
        t.person().ifPresent(p -> o.put("person", p));
        t.revokedAt().ifPresent(r -> o.put("revoked", r.toString()));
        t.lastUsedAt().ifPresent(u -> o.put("lastUsed", u.toString()));
        return o;
    }

    private Actor admin(RoutingContext ctx) {
        String name = Optional.ofNullable(ctx.request().getHeader(ACTING_AS)).map(String::strip).orElse("");
        if (name.isEmpty() || name.length() > 200) {
            throw Problem.badRequest(ACTING_AS, "name the administrator acting (a person or point of contact of the directory)"
                    + " in the header " + ACTING_AS + " (the CLI's --as)").raise();
        }
        try {
            return actors.resolveLocal(name);
        } catch (UnknownActorException e) {
            throw Problem.badRequest(ACTING_AS, e.getMessage()).raise();
        }
    }

    /** A loopback peer, and no proxy header: a proxy on this host relays other hosts' requests from loopback. */
    private static boolean local(RoutingContext ctx) {
        if (RELAYED.stream().anyMatch(h -> ctx.request().getHeader(h) != null)) {
            return false;
        }
        io.vertx.core.net.SocketAddress peer = ctx.request().remoteAddress();
        if (peer == null || peer.hostAddress() == null) {
            return false;
        }
        try {
            // a literal address: no name is looked up
            return InetAddress.getByName(peer.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private boolean bearsTheToken(RoutingContext ctx) {
        String header = Optional.ofNullable(ctx.request().getHeader("Authorization")).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(sha256(header.substring(7).strip()), tokenSha256);
    }
}
